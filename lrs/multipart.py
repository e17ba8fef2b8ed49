"""Statements with attachments: multipart/mixed bodies (xAPI Data 2.4.11) and the JSON
Web Signatures of signed statements (Data 2.6)."""

import base64
import hashlib
import json
import re
from dataclasses import dataclass

from .constants import SIGNATURE_USAGE
from .protocol import XapiError

BOUNDARY_RE = re.compile(r'boundary="?([^";]+)"?', re.IGNORECASE)
SIGNING_ALGORITHMS = {"RS256", "RS384", "RS512"}


@dataclass
class Part:
    headers: dict
    content: bytes


def _split(body: bytes, boundary: str) -> list[Part]:
    delimiter = b"--" + boundary.encode()
    chunks = body.split(delimiter)
    if len(chunks) < 3:
        raise XapiError(400, "multipart body without parts")
    parts = []
    for chunk in chunks[1:]:
        if chunk.startswith(b"--"):
            break  # the closing delimiter
        if chunk.startswith(b"\r\n"):
            chunk = chunk[2:]
        elif chunk.startswith(b"\n"):
            chunk = chunk[1:]
        head, separator, content = chunk.partition(b"\r\n\r\n")
        if not separator:
            head, separator, content = chunk.partition(b"\n\n")
        if not separator:
            raise XapiError(400, "multipart part without headers")
        if content.endswith(b"\r\n"):
            content = content[:-2]
        elif content.endswith(b"\n"):
            content = content[:-1]
        headers = {}
        for line in head.decode("latin-1").splitlines():
            name, colon, value = line.partition(":")
            if colon:
                headers[name.strip().lower()] = value.strip()
        parts.append(Part(headers, content))
    return parts


def parse(body: bytes, content_type_header: str) -> tuple[bytes, dict[str, Part]]:
    """The statement part's JSON and the attachment parts by their hash."""
    match = BOUNDARY_RE.search(content_type_header)
    if not match:
        raise XapiError(400, "multipart body without boundary")
    parts = _split(body, match.group(1))
    if not parts:
        raise XapiError(400, "multipart body without parts")
    first = parts[0]
    if first.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        raise XapiError(400, "the first part must be the statements in JSON")
    attachments = {}
    for part in parts[1:]:
        sha2 = part.headers.get("x-experience-api-hash")
        if not sha2:
            raise XapiError(400, "an attachment part has no X-Experience-API-Hash")
        if part.headers.get("content-transfer-encoding", "").lower() != "binary":
            raise XapiError(400, "an attachment part must have Content-Transfer-Encoding: binary")
        if hashlib.sha256(part.content).hexdigest() != sha2.lower():
            raise XapiError(400, "an attachment's content does not match its hash")
        attachments[sha2] = part
    return first.content, attachments


def check_attachments(statements: list[dict], parts: dict[str, Part]) -> None:
    """Every attachment without fileUrl has its part, every part is named by a statement,
    and signatures are well formed."""
    named = set()
    for statement in statements:
        for attachment in statement.get("attachments", []):
            named.add(attachment["sha2"])
            if attachment["sha2"] not in parts and "fileUrl" not in attachment:
                raise XapiError(400, "an attachment has neither content nor fileUrl")
            if attachment["usageType"] == SIGNATURE_USAGE:
                if attachment["contentType"] != "application/octet-stream":
                    raise XapiError(400, "a signature must be application/octet-stream")
                part = parts.get(attachment["sha2"])
                if part is None:
                    raise XapiError(400, "a signature attachment has no content")
                check_signature(statement, part.content)
    extra = set(parts) - named
    if extra:
        raise XapiError(400, "an attachment part is named by no statement")


def _b64(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


# What the LRS adds or the signer cannot know: left out of the comparison.
UNSIGNED = {"attachments", "authority", "stored", "version"}


def check_signature(statement: dict, jws: bytes) -> None:
    """A compact JWS signed with RS256/384/512 whose payload is the statement.

    The signature is checked with the certificate of its `x5c` header when it carries
    one; without it the store cannot know the signer's key (the specification leaves
    that to the reader of the statement) and checks the form and the payload only.
    """
    try:
        header_b64, payload_b64, signature_b64 = jws.decode("ascii").strip().split(".")
        header = json.loads(_b64(header_b64))
        payload = json.loads(_b64(payload_b64))
        signature = _b64(signature_b64)
    except (ValueError, UnicodeDecodeError) as error:
        raise XapiError(400, "the signature is not a valid JWS") from error
    if not isinstance(header, dict) or header.get("alg") not in SIGNING_ALGORITHMS:
        raise XapiError(400, "a signature must use RS256, RS384 or RS512")
    if not isinstance(payload, dict):
        raise XapiError(400, "the signature's payload is not a statement")
    signed = {k: v for k, v in payload.items() if k not in UNSIGNED}
    sent = {k: v for k, v in statement.items() if k not in UNSIGNED}
    if "id" not in signed:
        sent.pop("id", None)
    if signed != sent:
        raise XapiError(400, "the signature's payload differs from the statement")
    if header.get("x5c"):
        _verify(header, f"{header_b64}.{payload_b64}".encode(), signature)


def _verify(header: dict, signing_input: bytes, signature: bytes) -> None:
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    algorithm = {"RS256": hashes.SHA256, "RS384": hashes.SHA384, "RS512": hashes.SHA512}
    try:
        certificate = x509.load_der_x509_certificate(base64.b64decode(header["x5c"][0]))
        certificate.public_key().verify(
            signature, signing_input, padding.PKCS1v15(), algorithm[header["alg"]]()
        )
    except (InvalidSignature, ValueError, TypeError, IndexError, KeyError) as error:
        raise XapiError(400, "the signature does not verify") from error
