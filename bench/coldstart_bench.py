"""Cold start: a fresh interpreter imports the app and answers its first request.

storekeeper answers POST /change; the baseline is Chalice's hello world
answering GET /. Both run in new processes, alternately, many times; the
medians are compared (interpreter start-up itself is the same for both and
is left out of the figure).

Two conditions: with bytecode for every module, as deployed (deploy.package
ships precompiled .pyc files, Chalice's and ours), and with the app's own
modules compiled from source on every import (what a zip without .pyc
files costs).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
RUNS = 25

CHILD = """
import json, sys, time
started = time.perf_counter()
module = __import__(sys.argv[1], fromlist=["app"])
event = {
    "resource": sys.argv[2], "path": sys.argv[2], "httpMethod": sys.argv[3],
    "headers": {"Content-Type": "application/json"}, "multiValueHeaders": {},
    "queryStringParameters": None, "multiValueQueryStringParameters": None,
    "pathParameters": None, "stageVariables": None, "isBase64Encoded": False,
    "requestContext": {"resourcePath": sys.argv[2], "httpMethod": sys.argv[3],
                       "requestId": "cold", "stage": "api", "path": sys.argv[2]},
    "body": sys.argv[4] or None,
}
class Context:
    aws_request_id = "cold"
    function_name = "api_handler"
    memory_limit_in_mb = "256"
    def get_remaining_time_in_millis(self): return 3000
response = module.app(event, Context())
elapsed = time.perf_counter() - started
assert response["statusCode"] == 200, response
print(json.dumps({"seconds": elapsed, "modules": len(sys.modules)}))
"""


def stage_env() -> dict[str, str]:
    config = json.loads((PROJECT / ".chalice" / "config.json").read_text())
    return dict(config["stages"]["prod"]["environment_variables"])


def once(module: str, path: str, method: str, body: str, cache: str | None) -> dict[str, float]:
    """One cold start; `cache` is a bytecode cache directory, or None for no bytecode at all."""
    import os

    env = {
        **os.environ,
        **stage_env(),
        "PYTHONPATH": str(PROJECT),
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if cache is None:  # the app's own modules compile on every import; installed packages do not
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    else:
        env["PYTHONPYCACHEPREFIX"] = cache
    output = subprocess.run(
        [sys.executable, "-c", CHILD, module, path, method, body],
        cwd=PROJECT, env=env, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return dict(json.loads(output.strip().splitlines()[-1]))


def run() -> None:
    import tempfile

    print("\n== cold start: import the app, answer the first request (fresh interpreter) ==")
    with tempfile.TemporaryDirectory() as cache:
        conditions = (
            ("bytecode for every module, as deploy.package ships it", cache),
            ("the app's modules compiled from source (no precompiled .pyc)", None),
        )
        for label, prefix in conditions:
            ours, bare = [], []
            for _ in range(RUNS):  # alternate, so drift on a noisy machine hits both alike
                ours.append(once("app", "/change", "POST", '{"amount": "0.63"}', prefix))
                bare.append(once("bench.baselines.bare_app", "/", "GET", "", prefix))
            mine = statistics.median(r["seconds"] for r in ours[1:])  # the first fills the cache
            floor = statistics.median(r["seconds"] for r in bare[1:])
            print(f"{label}:")
            print(
                f"  storekeeper POST /change  {mine * 1e3:6.1f} ms  ({int(ours[0]['modules'])} modules)"
            )
            print(
                f"  bare Chalice hello world  {floor * 1e3:6.1f} ms  ({int(bare[0]['modules'])} modules)"
            )
            print(f"  ratio                     {mine / floor:6.2f}x  (target <= 1.30x)")
