// Sends the deep-linking response back to the platform without waiting for a click.
document.querySelectorAll("form[data-lti-auto-submit]").forEach((form) => form.submit());
