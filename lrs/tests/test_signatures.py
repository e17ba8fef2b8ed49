"""Signed statements (xAPI Data 2.6): a JWS whose x5c certificate verifies it."""

import base64
import datetime
import hashlib
import json

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID

from lrs import multipart
from lrs.protocol import XapiError

from .factories import statement


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@pytest.fixture(scope="module")
def signer():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Partenaire")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    der = certificate.public_bytes(serialization.Encoding.DER)
    return key, base64.b64encode(der).decode()


def _jws(key, x5c: str, payload: dict) -> bytes:
    header = _b64(json.dumps({"alg": "RS256", "x5c": [x5c]}).encode())
    body = _b64(json.dumps(payload).encode())
    signature = key.sign(f"{header}.{body}".encode(), padding.PKCS1v15(), hashes.SHA256())
    return f"{header}.{body}.{_b64(signature)}".encode()


def _signed(signature: bytes, data: dict) -> dict:
    return {
        **data,
        "attachments": [
            {
                "usageType": "http://adlnet.gov/expapi/attachments/signature",
                "display": {"fr-FR": "Signature"},
                "contentType": "application/octet-stream",
                "length": len(signature),
                "sha2": hashlib.sha256(signature).hexdigest(),
            }
        ],
    }


def test_a_statement_signed_with_its_certificate_is_accepted(signer):
    key, x5c = signer
    data = statement()
    signature = _jws(key, x5c, data)
    signed = _signed(signature, data)
    part = multipart.Part({"content-type": "application/octet-stream"}, signature)
    multipart.check_attachments([signed], {signed["attachments"][0]["sha2"]: part})


def test_a_signature_that_does_not_verify_or_another_payload_is_refused(signer):
    key, x5c = signer
    data = statement()
    forged = _jws(key, x5c, data)[:-8] + b"AAAAAAAA"
    with pytest.raises(XapiError):
        multipart.check_signature(data, forged)
    other = _jws(key, x5c, {**data, "verb": {"id": "http://adlnet.gov/expapi/verbs/failed"}})
    with pytest.raises(XapiError):
        multipart.check_signature(data, other)
