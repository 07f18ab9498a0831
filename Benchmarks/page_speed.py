#!/usr/bin/env python3
"""Page speed on the demo data: each page requested N times in turn over one keep-alive connection per
user, after a warm-up; prints p50/p95/max server round-trip times and the page weight, and the ratio of
p95 to the 50 ms budget. The stylesheet (a constant in memory) is timed the same way as the floor: what
the HTTP stack and this client cost on their own.

usage: page_speed.py BASE_URL [ROUNDS]      (a `motcua demo` server on the demo database)
"""
import http.client
import re
import statistics
import sys
import time
import urllib.parse

PASSWORD = "motcua-demo"
BUDGET_MS = 50.0
LIMIT_BYTES = 100 * 1024


class Session:
    """One signed-in (or anonymous) visitor over one keep-alive connection."""

    def __init__(self, base):
        parsed = urllib.parse.urlsplit(base)
        self.connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, dict(response.getheaders()), data

    def sign_in(self, username):
        _, _, page = self.request("GET", "/dang-nhap")
        token = re.search(rb'name="_csrf" value="([^"]+)"', page).group(1).decode()
        form = urllib.parse.urlencode({"_csrf": token, "username": username, "password": PASSWORD})
        status, _, _ = self.request("POST", "/dang-nhap", form,
                                    {"Content-Type": "application/x-www-form-urlencoded"})
        if status != 303:
            raise SystemExit(f"sign-in as {username} answered {status}")


def measure(session, path, rounds):
    for _ in range(5):
        session.request("GET", path)
    times = []
    size = 0
    for _ in range(rounds):
        started = time.perf_counter()
        status, _, body = session.request("GET", path)
        times.append((time.perf_counter() - started) * 1000)
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
        size = len(body)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    return statistics.median(times), p95, times[-1], size


def first_link(session, path, pattern):
    _, _, body = session.request("GET", path)
    found = re.search(pattern.encode(), body)
    return found.group(1).decode() if found else None


def main():
    base = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    anonymous = Session(base)
    reception, specialist, manager, administrator = (Session(base) for _ in range(4))
    reception.sign_in("tiepnhan")
    specialist.sign_in("cv.stp")
    manager.sign_in("quanly")
    administrator.sign_in("quantri")
    dossier = first_link(specialist, "/hang-doi", r'href="(/ho-so/[^"]+)"') \
        or first_link(manager, "/bang-dieu-khien?quy=2021-Q3", r'href="(/ho-so/[^"]+)"')

    stylesheet = first_link(anonymous, "/", r'href="(/tai-nguyen/motcua-[0-9a-f]+\.css)"')
    pages = [
        ("floor: stylesheet", anonymous, stylesheet),
        ("home", anonymous, "/"),
        ("catalogue", anonymous, "/thu-tuc"),
        ("catalogue search", anonymous, "/thu-tuc?q=cap+phieu+ly+lich+tu+phap"),
        ("procedure detail", anonymous, "/thu-tuc/2.000488"),
        ("status lookup form", anonymous, "/tra-cuu"),
        ("feedback form", anonymous, "/phan-anh"),
        ("online submission", anonymous, "/nop-ho-so/2.000488"),
        ("reception desk", reception, "/tiep-nhan?q=cap+phieu+ly+lich+tu+phap"),
        ("reception: procedure", reception, "/tiep-nhan/2.000488"),
        ("guidance log", reception, "/huong-dan"),
        ("work queue", specialist, "/hang-doi"),
        ("dashboard 2021-Q3", manager, "/bang-dieu-khien?quy=2021-Q3"),
        ("report page 2021-Q3", manager, "/bao-cao?quy=2021-Q3"),
        ("feedback handling", manager, "/xu-ly-phan-anh"),
        ("administration", administrator, "/quan-tri"),
    ]
    if dossier:
        pages.insert(12, ("dossier page", manager, dossier))

    print(f"{'page':<24} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'p95/50ms':>9} {'KB':>7}")
    failures = []
    for name, session, path in pages:
        status, _, _ = session.request("GET", path)
        if status != 200:
            print(f"{name:<24} skipped: {path} answered {status}")
            continue
        p50, p95, worst, size = measure(session, path, rounds)
        print(f"{name:<24} {p50:8.2f} {p95:8.2f} {worst:8.2f} {p95 / BUDGET_MS:9.3f} {size / 1024:7.1f}")
        if p95 > BUDGET_MS:
            failures.append(f"{name}: p95 {p95:.1f} ms")
        if size > LIMIT_BYTES:
            failures.append(f"{name}: {size} bytes")
    if failures:
        print("over budget: " + "; ".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
