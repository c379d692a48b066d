"""A small NOX supplier app in Python 3, standard library only (http.server, urllib): flow 1 and webhooks.

It does what any supplier app must for NOX, in any language:
- reads NOX_AUTH_URL, NOX_API_URL, NOX_API_KEY and PORT from its env (nox-testkit sets them);
- "connect": creates a v2 link session for the logged-in customer (asset_type, brand, language passed on)
  and sends the browser to NOX's link_url, or shows its own failure page when NOX answers an error;
- the callback: shows NOX's error code on a failure page, or checks that `data` names the customer who is
  logged in and started a link (the data is not signed: anyone can forge one), then reads that NOX user's
  devices (every page), with its key;
- the webhook receiver: verifies the signature on the raw bytes, finds the customer by
  metadata.external_user_id, acts once per X-Webhook-Id and counts a delivery as acted on only once it was.

Run it: NOX_AUTH_URL=… NOX_API_URL=… NOX_API_KEY=… PORT=3000 python3 app.py
"""

import base64
import hashlib
import hmac
import html
import json
import os
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

AUTH_URL = os.environ["NOX_AUTH_URL"]
API_URL = os.environ["NOX_API_URL"]
API_KEY = os.environ["NOX_API_KEY"]
PORT = int(os.environ["PORT"])
# How far X-Webhook-Timestamp may be from our clock: older (or future) deliveries are replays.
WEBHOOK_TOLERANCE_SECONDS = 300

lock = threading.Lock()
pending = {}  # customer id -> asset type of the link it started
connections = {}  # customer id -> {"nox_user_id", "device_ids"}
settings = {}  # customer id -> the settings events acted on, oldest first
processed = set()  # X-Webhook-Id of every delivery acted on (or acknowledged as not ours)


def nox(method, url, body=None):
    """Calls NOX with our key; answers (status, parsed JSON or None). NOX's error answers are answers too."""
    data = json.dumps(body).encode() if body is not None else None
    headers = {"x-api-key": API_KEY, "accept": "application/json"}
    if data is not None:
        headers["content-type"] = "application/json"
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, None


def read_devices(asset_type, nox_user_id):
    """Every device id of one NOX user, following meta.next_token until it is null."""
    path = "/v1/devices/pv" if asset_type == "pv" else "/v1/devices"
    ids, next_token = [], None
    for _ in range(100):
        query = {"user_id": nox_user_id, **({"next_token": next_token} if next_token else {})}
        status, answer = nox("GET", f"{API_URL}{path}?{urllib.parse.urlencode(query)}")
        if status != 200 or not isinstance(answer, dict):
            raise RuntimeError(f"GET {path} answered {status}")
        ids += [device["device_id"] for device in answer.get("data", [])]
        next_token = (answer.get("meta") or {}).get("next_token")
        if not next_token:
            return ids
    return ids


def verify_webhook(raw, headers):
    """True when the delivery is NOX's and fresh: HMAC-SHA256 with our key over "<timestamp>.<raw body>"."""
    timestamp = headers.get("x-webhook-timestamp", "")
    signature = headers.get("x-webhook-signature", "")
    # NOX's clock is real time (the mock's virtual clock only moves when a test advances it): compare with ours.
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > WEBHOOK_TOLERANCE_SECONDS:
        return False
    expected = "sha256=" + hmac.new(API_KEY.encode(), timestamp.encode() + b"." + raw, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def decode_callback_data(value):
    """The callback's data: base64url JSON without padding."""
    return json.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass  # quiet: the harness shows the app's output only when it fails to start

    def customer(self):
        """The logged-in customer's id, from our session cookie."""
        cookie = SimpleCookie(self.headers.get("cookie", ""))
        return urllib.parse.unquote(cookie["customer"].value) if "customer" in cookie else None

    def page(self, status, body, headers=()):
        data = f'<!doctype html><html lang="en"><meta charset="utf-8"><title>Py Energy</title>{body}</html>'.encode()
        self.send_response(status)
        self.send_header("content-type", "text/html; charset=utf-8")
        self.send_header("content-length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def failed(self, status, code, detail):
        body = f'<h1 data-testid="failed" data-code="{html.escape(code)}">Connecting failed</h1><p>{html.escape(detail)}</p>'
        self.page(status, body)

    def redirect(self, location, headers=()):
        self.send_response(303)
        self.send_header("location", location)
        self.send_header("content-length", "0")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()

    def json(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        try:
            if url.path == "/health":
                return self.json(200, {"ok": True})
            if url.path == "/login":
                return self.login(query)
            if url.path == "/connect":
                return self.connect(query)
            if url.path == "/callback":
                return self.callback(query)
            self.failed(404, "not_found", f"No page at {url.path}.")
        except Exception as error:  # a page, never a crash: the customer is told
            self.failed(500, "internal_error", str(error))

    def do_POST(self):
        if urllib.parse.urlsplit(self.path).path != "/webhooks":
            return self.json(404, {"error": "not found"})
        raw = self.rfile.read(int(self.headers.get("content-length") or 0))
        headers = {name.lower(): value for name, value in self.headers.items()}
        # Verify the raw bytes before parsing: re-serialised JSON would not match the signature.
        if not verify_webhook(raw, headers):
            return self.json(401, {"error": "bad or stale X-Webhook-Signature"})
        webhook_id = headers.get("x-webhook-id")
        if not webhook_id:
            return self.json(400, {"error": "X-Webhook-Id is missing"})
        try:
            event = json.loads(raw)
        except ValueError:
            return self.json(400, {"error": "the body is not JSON"})
        with lock:
            if webhook_id in processed:
                return self.json(200, {"status": "already processed"})
            # metadata.external_user_id is our own customer id (the user_id we gave NOX).
            customer = (event.get("metadata") or {}).get("external_user_id")
            if customer in connections:
                settings.setdefault(customer, []).append({"type": event.get("type"), **(event.get("data") or {})})
            # Recorded only now, after acting: had acting failed (a 5xx), NOX's retry must be acted on.
            processed.add(webhook_id)
        self.json(200, {"status": "processed"})

    def login(self, query):
        user, next_path = query.get("user"), query.get("next", "/")
        if not user or not next_path.startswith("/") or next_path.startswith("//"):
            return self.failed(400, "invalid_request", "login needs user and a local next path.")
        cookie = f"customer={urllib.parse.quote(user)}; Path=/; HttpOnly; SameSite=Lax"
        self.redirect(next_path, [("set-cookie", cookie)])

    def connect(self, query):
        customer = self.customer()
        if not customer:
            return self.failed(401, "not_logged_in", "Log in first.")
        asset_type = query.get("asset_type")
        if asset_type not in ("hp", "pv"):
            return self.failed(400, "invalid_request", "asset_type must be hp or pv.")
        body = {
            "user_id": customer,
            "redirect_url": f"http://{self.headers['host']}/callback",
            "asset_type": asset_type,
            **{key: query[key] for key in ("brand", "language") if query.get(key)},
        }
        status, answer = nox("POST", f"{AUTH_URL}/v2/supplier/link-sessions", body)
        if status != 201 or not isinstance(answer, dict) or "link_url" not in answer:
            return self.failed(502, "nox_error", f"NOX answered {status} when we started the link.")
        with lock:
            pending[customer] = asset_type
        self.redirect(answer["link_url"])

    def callback(self, query):
        customer = self.customer()
        if not customer:
            return self.failed(401, "not_logged_in", "Log in first.")
        if query.get("error"):
            with lock:
                pending.pop(customer, None)
            return self.failed(200, query["error"], query.get("error_description", ""))
        try:
            data = decode_callback_data(query.get("data", ""))
        except ValueError:
            return self.failed(400, "invalid_callback", "The callback has no readable data.")
        with lock:
            asset_type = pending.get(customer)
            # Anyone can build a callback: only the logged-in customer's own pending link is taken.
            if asset_type is None or data.get("supplier_user_id") != customer or not data.get("nox_user_id"):
                return self.failed(400, "invalid_callback", "This callback is not for a connection you started.")
            del pending[customer]
        notice = ""
        try:
            device_ids = read_devices(asset_type, data["nox_user_id"])
        except RuntimeError:
            # The link is made; a failed read is a temporary failure of the read, not of the link.
            device_ids, notice = [], "<p>Connected; we could not load your devices just now.</p>"
        with lock:
            connections[customer] = {"nox_user_id": data["nox_user_id"], "device_ids": device_ids}
        items = "".join(f"<li>{html.escape(i)}</li>" for i in device_ids)
        self.page(200, f'<h1 data-testid="connected">Connected</h1>{notice}<ul>{items}</ul>')


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
