"""Cold start as Lambda pays it, for both ways of deploying.

Each run is a fresh interpreter that sees only the standard library and an
unpacked deployment zip (`python -I -S -B`: no site-packages, no bytecode
written), imports the app and answers a first POST /change proxy event.
Nothing is compiled that the zip does not carry, as on Lambda, whose code
directory is read-only.

- `chalice deploy`: the zip Chalice uploads, built by the same packager
  (`chalice package`), after the project's `make deploy` bytecode step.
- Terraform: the package `deploy.package` writes (precompiled bytecode).
- Baseline: Chalice's hello world, its own `chalice package` zip, in the
  same run, alternating with ours so machine noise hits both alike.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from deploy import bytecode, package, stages

PROJECT = Path(__file__).resolve().parent.parent
RUNS = 31
STAGE = "prod"
TARGETS = {"chalice deploy zip": 1.10, "terraform package": 1.00}

CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
started = time.perf_counter()
import app as module
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
response = module.app.__call__(event, Context())
elapsed = time.perf_counter() - started
assert response["statusCode"] == 200, response
print(json.dumps({"seconds": elapsed, "modules": len(sys.modules)}))
"""

BARE_APP = """from chalice import Chalice

app = Chalice(app_name="hello")


@app.route("/")
def index():
    return {"hello": "world"}
"""


def chalice(*args: str, cwd: Path) -> None:
    env = {**os.environ, "AWS_DEFAULT_REGION": os.environ.get("AWS_DEFAULT_REGION", "us-east-1")}
    subprocess.run(
        [str(Path(sys.executable).parent / "chalice"), *args],
        cwd=cwd, env=env, check=True, capture_output=True,
    )  # fmt: skip


def unpack(archive: Path, into: Path) -> Path:
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(into)
    return into


def bare_zip(work: Path) -> Path:
    project = work / "hello"
    (project / ".chalice").mkdir(parents=True)
    (project / "app.py").write_text(BARE_APP)
    (project / "requirements.txt").write_text("")
    (project / ".chalice" / "config.json").write_text(
        json.dumps({"version": "2.0", "app_name": "hello", "stages": {"dev": {}}})
    )
    chalice("package", str(work / "hello-out"), cwd=project)
    return unpack(work / "hello-out" / "deployment.zip", work / "hello-code")


def deploy_zip(work: Path) -> Path:
    """What `make deploy` uploads: the bytecode step, then Chalice's own packager."""
    bytecode.compile_project(PROJECT)
    # The terraform format only because CloudFormation refuses S3 triggers; the zip is the same.
    chalice(
        "package",
        "--pkg-format",
        "terraform",
        "--stage",
        STAGE,
        str(work / "deploy-out"),
        cwd=PROJECT,
    )
    return unpack(work / "deploy-out" / "deployment.zip", work / "deploy-code")


def terraform_zip(work: Path) -> Path:
    out = package.package(STAGE, work / "terraform-out")
    return unpack(out / "deployment.zip", work / "terraform-code")


def once(code: Path, path: str, method: str, body: str) -> dict[str, float]:
    env = {**stages.stage_environment(STAGE), "AWS_DEFAULT_REGION": "us-east-1", "LANG": "C.UTF-8"}
    output = subprocess.run(
        [sys.executable, "-I", "-S", "-B", "-c", CHILD, str(code), path, method, body],
        cwd=code, env=env, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return dict(json.loads(output.strip().splitlines()[-1]))


def compare(code: Path, bare: Path) -> tuple[float, float, int, int]:
    ours, base = [], []
    for _ in range(RUNS):  # alternate, so drift on a noisy machine hits both alike
        ours.append(once(code, "/change", "POST", '{"amount": "0.63"}'))
        base.append(once(bare, "/", "GET", ""))
    return (
        statistics.median(r["seconds"] for r in ours),
        statistics.median(r["seconds"] for r in base),
        int(ours[0]["modules"]),
        int(base[0]["modules"]),
    )


def run() -> None:
    print("\n== cold start: a fresh interpreter, the unpacked zip, a first POST /change ==")
    work = Path(tempfile.mkdtemp(prefix="storekeeper-coldstart-"))
    try:
        bare = bare_zip(work)
        for label, build in (
            ("chalice deploy zip", deploy_zip),
            ("terraform package", terraform_zip),
        ):
            mine, floor, modules, base_modules = compare(build(work), bare)
            print(f"{label}:")
            print(f"  storekeeper POST /change   {mine * 1e3:6.1f} ms  ({modules} modules)")
            print(f"  hello world, its own zip   {floor * 1e3:6.1f} ms  ({base_modules} modules)")
            print(
                f"  ratio                      {mine / floor:6.2f}x  (target <= {TARGETS[label]:.2f}x)"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
