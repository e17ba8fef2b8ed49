// LTI Dynamic Registration: tell the platform's frame that the registration is over.
if (document.querySelector("[data-lti-registration-done]") && window.parent !== window) {
  window.parent.postMessage({ subject: "org.imsglobal.lti.close" }, "*");
}
