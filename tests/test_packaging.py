"""`chalice package --pkg-format terraform` for prod, through deploy.package, inspected.

Runs Chalice's real packager (it fetches Lambda-compatible wheels from the
package registry the first time), then checks what would be deployed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from deploy import package, policies, stages

STAGE = "prod"
HANDLERS = {
    "api_handler": "app.app",
    "make_change": "app.make_change",
    "make_thumbnails": "app.make_thumbnails",
    "nightly_scrape": "app.nightly_scrape",
    "fetch_pages": "app.fetch_pages",
    "record_prices": "app.record_prices",
}
PLUGIN_MIRROR = Path("/opt/tf-plugins")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return package.package(STAGE, tmp_path_factory.mktemp("terraform") / STAGE)


@pytest.fixture(scope="module")
def terraform(built: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((built / "chalice.tf.json").read_text())
    return data


def test_every_function_with_its_handler_memory_timeout_and_environment(
    terraform: dict[str, Any],
) -> None:
    functions = terraform["resource"]["aws_lambda_function"]
    assert set(functions) == set(HANDLERS)
    configured = stages.lambda_functions(STAGE)
    environment = stages.stage_environment(STAGE)
    for name, function in functions.items():
        assert function["function_name"] == stages.function_name(STAGE, name)
        assert function["handler"] == HANDLERS[name]
        assert function["runtime"] == "python3.11"
        assert function["memory_size"] == configured[name]["lambda_memory_size"]
        assert function["timeout"] == configured[name]["lambda_timeout"]
        assert function["environment"]["variables"] == environment
    assert functions["make_thumbnails"]["memory_size"] > functions["api_handler"]["memory_size"]
    assert functions["fetch_pages"]["timeout"] > functions["api_handler"]["timeout"]


def test_each_function_gets_its_own_policy(terraform: dict[str, Any]) -> None:
    for name in HANDLERS:
        inline = json.loads(terraform["resource"]["aws_iam_role_policy"][f"{name}_role"]["policy"])
        assert inline == policies.policy(STAGE, name)


def test_s3_sqs_and_schedule_wiring(terraform: dict[str, Any]) -> None:
    s = stages.settings(STAGE)
    resources = terraform["resource"]
    notifications = {n["bucket"]: n for n in resources["aws_s3_bucket_notification"].values()}
    [uploads] = notifications[s.uploads_bucket]["lambda_function"]
    assert uploads["filter_prefix"] == s.uploads_prefix
    assert set(uploads["events"]) == {"s3:ObjectCreated:*", "s3:ObjectRemoved:*"}
    assert "make_thumbnails" in uploads["lambda_function_arn"]
    assert s.thumbnails_bucket not in notifications  # thumbnails never trigger anything
    [pages] = notifications[s.pages_bucket]["lambda_function"]
    assert (pages["filter_prefix"], pages["events"]) == ("pages/", ["s3:ObjectCreated:*"])
    assert "aws_s3_bucket.uploads" in notifications[s.uploads_bucket]["depends_on"]
    [mapping] = resources["aws_lambda_event_source_mapping"].values()
    assert mapping["event_source_arn"].endswith(f":{s.scrape_queue}")
    assert mapping["batch_size"] == 10  # SQS FIFO's largest batch
    assert not mapping.get("maximum_batching_window_in_seconds")  # FIFO mappings take none
    assert mapping["function_response_types"] == ["ReportBatchItemFailures"]
    [rule] = resources["aws_cloudwatch_event_rule"].values()
    assert rule["schedule_expression"] == s.scrape_schedule
    assert "null_data_source" not in terraform.get("data", {})


def test_the_resources_chalice_leaves_out(built: Path) -> None:
    s = stages.settings(STAGE)
    resources = json.loads((built / "resources.tf.json").read_text())["resource"]
    assert {b["bucket"] for b in resources["aws_s3_bucket"].values()} == set(s.buckets)
    assert all(
        all(v for k, v in block.items() if k != "bucket")
        for block in resources["aws_s3_bucket_public_access_block"].values()
    )
    assert set(resources["aws_s3_bucket_server_side_encryption_configuration"]) == {
        "uploads",
        "thumbnails",
        "pages",
    }
    assert resources["aws_dynamodb_table"]["table"]["billing_mode"] == "PAY_PER_REQUEST"
    queue = resources["aws_sqs_queue"]["scrape"]
    assert queue["name"] == s.scrape_queue
    assert (
        queue["visibility_timeout_seconds"]
        >= 6 * stages.lambda_functions(STAGE)["fetch_pages"]["lambda_timeout"]
    )
    assert "maxReceiveCount = " in queue["redrive_policy"]
    assert "aws_sqs_queue.scrape_dead_letters.arn" in queue["redrive_policy"]
    assert queue["fifo_queue"] is True  # host groups: one request at a time per host
    assert resources["aws_sqs_queue"]["scrape_dead_letters"]["fifo_queue"] is True


def test_the_zip_holds_only_what_runs(built: Path) -> None:
    archive = built / "deployment.zip"
    assert archive.stat().st_size < 50 * 1024 * 1024
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
    tops = {name.split("/")[0] for name in names}
    assert {
        "app.py",
        "chalicelib",
        "chalice",
        "PIL",
        "pillow_heif",
        "selectolax",
        "webencodings",
        "chardetng_py",
        "price_parser",
        "protego",
        "urllib3",
    } <= tops
    for forbidden in (
        "tests",
        "bench",
        "deploy",
        "local_runtime",
        "boto3",
        "botocore",
        "moto",
        "pytest",
        "hypothesis",
        "playwright",
        "pyvips",
        "extruct",
        ".chalice",
    ):
        assert forbidden not in tops, forbidden
    assert "__pycache__/app.cpython-311.pyc" in names  # precompiled for faster cold starts
    assert "chalicelib/change/__pycache__/solver.cpython-311.pyc" in names
    # Manylinux wheels the python3.11 runtime can load, not builds against this machine.
    assert any(name.startswith("pillow.libs/") for name in names)
    assert any(name.startswith("pillow_heif.libs/libheif") for name in names)


def test_terraform_validates_offline(built: Path) -> None:
    binary = shutil.which("terraform")
    if binary is None or not PLUGIN_MIRROR.is_dir():
        pytest.skip("terraform or its provider mirror is not on this machine")
    rc = built / "terraform.rc"
    rc.write_text(
        f'provider_installation {{\n  filesystem_mirror {{\n    path = "{PLUGIN_MIRROR}"\n  }}\n}}\n'
    )
    env = {**os.environ, "TF_CLI_CONFIG_FILE": str(rc), "TF_IN_AUTOMATION": "1"}
    subprocess.run(
        [binary, "init", "-input=false", "-no-color"],
        cwd=built,
        env=env,
        check=True,
        capture_output=True,
    )
    result = subprocess.run(
        [binary, "validate", "-no-color"], cwd=built, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_chalice_deploy_zip_carries_bytecode_python_will_trust(tmp_path: Path) -> None:
    """`make deploy` compiles first; each .pyc must be hash-checked and match its zipped source."""
    import importlib.util

    from deploy import bytecode

    project = tmp_path / "project"
    shutil.copytree(stages.PROJECT / "chalicelib", project / "chalicelib")
    shutil.copytree(stages.PROJECT / ".chalice", project / ".chalice", ignore=_deployments)
    shutil.copy(stages.PROJECT / "app.py", project / "app.py")
    (project / "requirements.txt").write_text("")  # the app's own files are what is checked
    bytecode.compile_project(project)
    subprocess.run(
        [str(Path(sys.executable).parent / "chalice"), "package", "--pkg-format", "terraform",
         "--stage", STAGE, str(tmp_path / "out")],
        cwd=project, check=True, capture_output=True,
        env={**os.environ, "AWS_DEFAULT_REGION": "us-east-1"},
    )  # fmt: skip
    with zipfile.ZipFile(tmp_path / "out" / "deployment.zip") as zipped:
        names = set(zipped.namelist())
        for source in ("app.py", "chalice/app.py", "chalice/__init__.py", "chalicelib/config.py",
                       "chalicelib/change/solver.py"):  # fmt: skip
            cached = importlib.util.cache_from_source(source)
            assert cached in names, cached
            header = zipped.read(cached)[:16]
            assert header[:4] == importlib.util.MAGIC_NUMBER
            assert int.from_bytes(header[4:8], "little") == 0b11  # hash-based, checked
            assert header[8:16] == importlib.util.source_hash(zipped.read(source))


def _deployments(directory: str, names: list[str]) -> list[str]:
    return [name for name in names if name in ("deployments", "deployed")]
