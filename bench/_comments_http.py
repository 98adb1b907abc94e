"""HTTP chores of bench/comments.sh, with the standard library only (it runs under any Python 3).

    python bench/_comments_http.py fill URL TOP_LEVEL [--header 'Name: value'] [--field key=value]
        Posts a thread of TOP_LEVEL top-level comments, each with three replies: two answer the
        top-level comment, one answers the first reply (a second level where the server has one).
        Prints the number of comments posted.
    python bench/_comments_http.py count URL [--header 'Name: value']
        GETs URL and prints the number of comments in the JSON answer, at every depth, then the
        size of the answer in bytes.

Every text is unique (servers refuse duplicates). Exits non-zero with the server's answer when a
request fails.
"""

from __future__ import annotations

import argparse
import json
import random
import string
import sys
import urllib.error
import urllib.request

REPLIES_PER_COMMENT = 3


def request(method: str, url: str, headers: list[str], body: dict | None = None) -> tuple[int, bytes]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    for header in headers:
        name, _, value = header.partition(":")
        req.add_header(name.strip(), value.strip())
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        sys.exit(f"{method} {url} answered {error.code}: {error.read()[:2000].decode(errors='replace')}")


def post(url: str, headers: list[str], fields: dict, text: str, parent: int | None) -> int:
    status, answer = request("POST", url, headers, {**fields, "text": text, "parent": parent})
    if status not in (200, 201):
        sys.exit(f"POST {url} answered {status}, not 201: {answer[:2000].decode(errors='replace')}")
    created = json.loads(answer)
    if not isinstance(created, dict) or not isinstance(created.get("id"), int):
        sys.exit(f"POST {url} did not answer with the new comment: {answer[:2000].decode(errors='replace')}")
    return created["id"]


def fill(url: str, top_level: int, headers: list[str], fields: dict) -> int:
    # Letters only: eight digits in a row would read as a telephone number to the advertising rule.
    run = "".join(random.choices(string.ascii_lowercase, k=8))
    posted = 0

    def text(kind: str) -> str:
        nonlocal posted
        posted += 1
        # What a reader might write, which Tribune's house rules publish as it is: a text they
        # would hold (the abusive classifier has false positives) is answered with a nudge.
        return (
            f"Thank you for this report ({kind} {run}-{posted}). The figures on the budget are "
            "clearer now, and I hope the council reads it too."
        )

    for _ in range(top_level):
        root = post(url, headers, fields, text("comment"), None)
        first = post(url, headers, fields, text("reply"), root)
        post(url, headers, fields, text("reply to a reply"), first)
        post(url, headers, fields, text("reply"), root)
    return posted


def count(node) -> int:
    """Comments in a JSON answer: objects with an id and a text, wherever they are nested."""
    if isinstance(node, list):
        return sum(count(item) for item in node)
    if isinstance(node, dict):
        here = 1 if "id" in node and isinstance(node["id"], int) and ("text" in node or "html" in node) else 0
        return here + sum(count(value) for value in node.values() if isinstance(value, list | dict))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["fill", "count"])
    parser.add_argument("url")
    parser.add_argument("top_level", nargs="?", type=int, default=0)
    parser.add_argument("--header", action="append", default=[])
    parser.add_argument("--field", action="append", default=[], help="key=value added to every posted body")
    args = parser.parse_args()
    if args.action == "fill":
        fields = dict(field.split("=", 1) for field in args.field)
        print(fill(args.url, args.top_level, args.header, fields))
    else:
        status, answer = request("GET", args.url, args.header)
        if status != 200:
            sys.exit(f"GET {args.url} answered {status}")
        print(count(json.loads(answer)), len(answer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
