"""A minimal OpenID Connect provider for tests: the authorization-code flow (with PKCE when the client
asks for it), on 127.0.0.1 at a random port, in a thread of this process.

    with OIDCProvider(client_id=..., client_secret=..., signing_key=key, claims={...}) as provider:
        provider.url  # the issuer, e.g. http://127.0.0.1:53211

Endpoints: /.well-known/openid-configuration, /authorize (redirects back to redirect_uri with a code
and the state), /token (an access token and an id_token signed RS256 with `signing_key`), /userinfo
(the claims, for a Bearer access token) and /jwks (the public key). Every request is recorded in
`provider.requests` as (method, path) so a test can see what the client really asked for."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import jwt
from jwt.algorithms import RSAAlgorithm


class OIDCProvider:
    def __init__(self, *, client_id, client_secret, signing_key, claims, key_id="test-key-1"):
        self.client_id = client_id
        self.client_secret = client_secret
        self.signing_key = signing_key
        self.claims = dict(claims)
        self.key_id = key_id
        self.requests: list[tuple[str, str]] = []
        self.codes: dict[str, dict] = {}
        self.tokens: dict[str, dict] = {}
        self._lock = threading.Lock()
        self._server = None
        self._thread = None

    # Life cycle --------------------------------------------------------------------------------

    def start(self):
        provider = self

        class Handler(_Handler):
            pass

        Handler.provider = provider
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="oidc-provider", daemon=True)
        self._thread.start()
        return self

    def stop(self):
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=5)
            self._server = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    @property
    def url(self):
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def paths_requested(self, method=None):
        return [path for m, path in self.requests if method is None or m == method]

    # Protocol ----------------------------------------------------------------------------------

    def configuration(self):
        base = self.url
        return {
            "issuer": base,
            "authorization_endpoint": f"{base}/authorize",
            "token_endpoint": f"{base}/token",
            "userinfo_endpoint": f"{base}/userinfo",
            "jwks_uri": f"{base}/jwks",
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "profile", "email"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
            "code_challenge_methods_supported": ["S256"],
            "claims_supported": sorted({"sub", "iss", "aud", "exp", "iat", *self.claims}),
        }

    def jwks(self):
        jwk = RSAAlgorithm.to_jwk(self.signing_key.public_key(), as_dict=True)
        return {"keys": [{**jwk, "kid": self.key_id, "use": "sig", "alg": "RS256"}]}

    def id_token(self, *, nonce=None, key=None, audience=None, lifetime=300):
        now = int(time.time())
        payload = {
            **self.claims,
            "iss": self.url,
            "aud": audience or self.client_id,
            "iat": now,
            "exp": now + lifetime,
            "auth_time": now,
        }
        if nonce:
            payload["nonce"] = nonce
        return jwt.encode(payload, key or self.signing_key, algorithm="RS256", headers={"kid": self.key_id})

    def authorize(self, query):
        """The reader said yes at once: back to the client with a one-time code and its state."""
        params = {k: v[0] for k, v in parse_qs(query).items()}
        if params.get("client_id") != self.client_id:
            return 400, {"error": "unauthorized_client"}, None
        if params.get("response_type") != "code" or "openid" not in params.get("scope", "").split():
            return 400, {"error": "invalid_request"}, None
        redirect_uri = params.get("redirect_uri")
        if not redirect_uri:
            return 400, {"error": "invalid_request", "error_description": "redirect_uri"}, None
        code = secrets.token_urlsafe(24)
        with self._lock:
            self.codes[code] = {
                "redirect_uri": redirect_uri,
                "nonce": params.get("nonce"),
                "code_challenge": params.get("code_challenge"),
                "code_challenge_method": params.get("code_challenge_method"),
            }
        back = {"code": code}
        if "state" in params:
            back["state"] = params["state"]
        return 302, None, _with_query(redirect_uri, back)

    def token(self, form, authorization):
        client_id, secret = form.get("client_id"), form.get("client_secret")
        if authorization and authorization.startswith("Basic "):
            decoded = base64.b64decode(authorization[6:]).decode()
            client_id, _, secret = decoded.partition(":")
        if client_id != self.client_id or secret != self.client_secret:
            return 401, {"error": "invalid_client"}
        if form.get("grant_type") != "authorization_code":
            return 400, {"error": "unsupported_grant_type"}
        with self._lock:
            grant = self.codes.pop(form.get("code", ""), None)  # a code works once
        if grant is None or grant["redirect_uri"] != form.get("redirect_uri"):
            return 400, {"error": "invalid_grant"}
        if grant["code_challenge"]:
            verifier = form.get("code_verifier", "")
            digest = hashlib.sha256(verifier.encode()).digest()
            expected = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
            if grant["code_challenge_method"] != "S256" or expected != grant["code_challenge"]:
                return 400, {"error": "invalid_grant", "error_description": "PKCE"}
        access_token = secrets.token_urlsafe(24)
        with self._lock:
            self.tokens[access_token] = dict(self.claims)
        return 200, {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": 3600,
            "scope": "openid profile email",
            "id_token": self.id_token(nonce=grant["nonce"]),
        }

    def userinfo(self, authorization):
        if not authorization or not authorization.startswith("Bearer "):
            return 401, {"error": "invalid_token"}
        with self._lock:
            claims = self.tokens.get(authorization[7:])
        if claims is None:
            return 401, {"error": "invalid_token"}
        return 200, claims


def _with_query(url, params):
    parts = urlsplit(url)
    query = f"{parts.query}&{urlencode(params)}" if parts.query else urlencode(params)
    return urlunsplit(parts._replace(query=query))


class _Handler(BaseHTTPRequestHandler):
    provider: OIDCProvider
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # quiet
        pass

    def _send_json(self, status, body, headers=None):
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _redirect(self, location):
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        parts = urlsplit(self.path)
        self.provider.requests.append(("GET", parts.path))
        if parts.path == "/.well-known/openid-configuration":
            self._send_json(200, self.provider.configuration())
        elif parts.path == "/jwks":
            self._send_json(200, self.provider.jwks())
        elif parts.path == "/authorize":
            status, body, location = self.provider.authorize(parts.query)
            if location:
                self._redirect(location)
            else:
                self._send_json(status, body)
        elif parts.path == "/userinfo":
            status, body = self.provider.userinfo(self.headers.get("Authorization"))
            extra = {"WWW-Authenticate": 'Bearer error="invalid_token"'} if status == 401 else None
            self._send_json(status, body, extra)
        else:
            self._send_json(404, {"error": "not_found"})

    def do_POST(self):
        parts = urlsplit(self.path)
        self.provider.requests.append(("POST", parts.path))
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode() if length else ""
        if parts.path == "/token":
            form = {k: v[0] for k, v in parse_qs(raw).items()}
            status, body = self.provider.token(form, self.headers.get("Authorization"))
            self._send_json(status, body)
        else:
            self._send_json(404, {"error": "not_found"})
