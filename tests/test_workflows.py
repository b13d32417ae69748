"""Checks for the GitHub Actions workflows and the Dependabot configuration.

* every workflow validates against the GitHub workflow JSON schema and
  dependabot.yml against the Dependabot schema (check-jsonschema, using its
  bundled schemas, so no network is needed);
* zizmor, offline, reports nothing at medium severity or above;
* permissions follow least privilege: read-only at the top level of every
  workflow, and only the Pages deploy job may write (pages, id-token).

Negative tests run the same tools on mutated copies in a temporary directory
to show that the checks can fail; the real files are never modified.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS_DIR = GITHUB / "workflows"
DEPENDABOT = GITHUB / "dependabot.yml"
ZIZMOR_CONFIG = GITHUB / "zizmor.yml"

BIN = Path(sys.executable).parent
CHECK_JSONSCHEMA = BIN / "check-jsonschema"
ZIZMOR = BIN / "zizmor"

WORKFLOWS = sorted([*WORKFLOWS_DIR.glob("*.yml"), *WORKFLOWS_DIR.glob("*.yaml")])

# The only write permissions any job may hold, keyed by (workflow file, job).
ALLOWED_WRITES = {("pages.yml", "deploy"): {"pages": "write", "id-token": "write"}}


def _tool(path: Path) -> str:
    if not path.is_file():
        pytest.fail(
            f"{path.name} is not installed next to the running Python; "
            f"install it into this environment (pip install {path.name})"
        )
    return str(path)


def _run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def check_jsonschema(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return _run(_tool(CHECK_JSONSCHEMA), "--builtin-schema", schema, path)


def zizmor_findings(target: Path, cwd: Path = ROOT, persona: str = "regular") -> list[dict]:
    """Run zizmor offline on *target*; return findings at medium or above.

    The configuration is passed explicitly so that copies audited outside
    the repository use the same policy as the real files.
    """
    proc = _run(
        _tool(ZIZMOR),
        "--offline",
        "--persona",
        persona,
        "--min-severity",
        "medium",
        "--config",
        ZIZMOR_CONFIG,
        "--format",
        "json",
        "--no-progress",
        target,
        cwd=cwd,
    )
    try:
        findings = json.loads(proc.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"zizmor did not produce JSON (exit {proc.returncode}):\n{proc.stderr}")
    # zizmor's exit code is non-zero exactly when it reports findings; the
    # JSON and the exit code must agree.
    assert (proc.returncode == 0) == (not findings), (proc.returncode, proc.stderr)
    return findings


def _summary(findings: list[dict]) -> str:
    lines = []
    for f in findings:
        loc = f["locations"][0]["symbolic"]["key"].get("Local", {}).get("verbatim_path", "?")
        lines.append(f"{f['ident']} ({f['determinations']['severity']}) in {loc}: {f['desc']}")
    return "\n".join(lines)


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def permission_problems(name: str, workflow: dict) -> list[str]:
    """Least-privilege violations in one parsed workflow (empty if none)."""
    problems = []
    top = workflow.get("permissions")
    if top != {"contents": "read"}:
        problems.append(f"{name}: top-level permissions must be exactly {{contents: read}}, got {top!r}")
    for job_id, job in (workflow.get("jobs") or {}).items():
        perms = job.get("permissions")
        allowed = ALLOWED_WRITES.get((name, job_id))
        if allowed is not None:
            if perms != allowed:
                problems.append(f"{name}:{job_id}: permissions must be exactly {allowed!r}, got {perms!r}")
            continue
        if perms is None:
            continue  # inherits the read-only top level
        if not isinstance(perms, dict):
            problems.append(f"{name}:{job_id}: permissions {perms!r} (write-all/read-all) not allowed")
            continue
        writes = {k: v for k, v in perms.items() if v == "write"}
        if writes:
            problems.append(f"{name}:{job_id}: unexpected write permissions {writes!r}")
    return problems


# --------------------------------------------------------------------------
# The real files


def test_expected_files_exist():
    names = {p.name for p in WORKFLOWS}
    assert {"ci.yml", "pages.yml"} <= names
    assert DEPENDABOT.is_file()
    assert ZIZMOR_CONFIG.is_file()


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_schema(workflow: Path):
    proc = check_jsonschema("vendor.github-workflows", workflow)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_dependabot_schema():
    proc = check_jsonschema("vendor.dependabot", DEPENDABOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# "regular" is zizmor's default; "pedantic" adds code-smell checks (such as a
# top-level write-all that regular mode tolerates in a single-job workflow).
@pytest.mark.parametrize("persona", ["regular", "pedantic"])
def test_zizmor_clean(persona: str):
    findings = zizmor_findings(WORKFLOWS_DIR.relative_to(ROOT), persona=persona)
    assert findings == [], _summary(findings)


@pytest.mark.parametrize("persona", ["regular", "pedantic"])
def test_zizmor_dependabot_clean(persona: str):
    findings = zizmor_findings(DEPENDABOT.relative_to(ROOT), persona=persona)
    assert findings == [], _summary(findings)


def test_zizmor_config_is_discovered():
    """zizmor finds .github/zizmor.yml by itself, as it will in editors/CI."""
    proc = _run(
        _tool(ZIZMOR),
        "--offline",
        "--min-severity",
        "medium",
        "--no-progress",
        WORKFLOWS_DIR.relative_to(ROOT),
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege(workflow: Path):
    assert permission_problems(workflow.name, load(workflow)) == []


def test_only_deploy_job_can_write():
    pages = load(WORKFLOWS_DIR / "pages.yml")
    assert pages["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    for job_id, job in pages["jobs"].items():
        if job_id != "deploy":
            assert "permissions" not in job, job_id
    ci = load(WORKFLOWS_DIR / "ci.yml")
    for job_id, job in ci["jobs"].items():
        assert "permissions" not in job, job_id


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_official_and_checkout_drops_credentials(workflow: Path):
    for job in load(workflow)["jobs"].values():
        for step in job.get("steps", []):
            uses = step.get("uses")
            if uses is None:
                continue
            assert uses.startswith("actions/"), f"third-party action {uses!r}"
            if uses.startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False


def test_pages_workflow_shape():
    pages = load(WORKFLOWS_DIR / "pages.yml")
    # PyYAML (YAML 1.1) reads the key "on" as True.
    triggers = pages.get("on", pages.get(True))
    assert triggers["push"] == {"branches": ["main"]}
    assert "workflow_dispatch" in triggers
    assert pages["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    deploy = pages["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert "page_url" in deploy["environment"]["url"]
    build_runs = [s.get("run", "") for s in pages["jobs"]["build"]["steps"]]
    assert any("SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) make site" in r for r in build_runs)
    assert "secrets." not in (WORKFLOWS_DIR / "pages.yml").read_text(encoding="utf-8")


# --------------------------------------------------------------------------
# Negative tests: mutated copies in tmp_path must be rejected


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    shutil.copytree(GITHUB, tmp_path / ".github")
    return tmp_path


def _mutate(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Each mutation of a copy must be caught: (file, text, replacement, zizmor persona, expected finding).
MUTATIONS = {
    "job write-all": (
        "workflows/ci.yml",
        "    steps:\n",
        "    permissions: write-all\n    steps:\n",
        None,
        "excessive-permissions",
    ),
    "top-level write-all (pedantic)": (
        "workflows/ci.yml",
        "permissions:\n  contents: read\n",
        "permissions: write-all\n",
        "pedantic",
        "excessive-permissions",
    ),
    "template injection": (
        "workflows/ci.yml",
        "run: make test",
        'run: echo "${{ github.event.pull_request.title }}"',
        None,
        "template-injection",
    ),
    # The tag allowance covers actions/* only, not third-party actions.
    "unpinned third-party action": (
        "workflows/ci.yml",
        "uses: actions/setup-python@v6",
        "uses: example-org/setup-python@v6",
        None,
        "unpinned-uses",
    ),
    "persisted credentials": (
        "workflows/pages.yml",
        "        with:\n          persist-credentials: false\n",
        "",
        None,
        "artipacked",
    ),
    "dependabot without cooldown": (
        "dependabot.yml",
        "    cooldown:\n      default-days: 7\n",
        "",
        None,
        "dependabot-cooldown",
    ),
}


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_negative_zizmor_catches_mutation(repo_copy: Path, name: str):
    file, old, new, persona, ident = MUTATIONS[name]
    _mutate(repo_copy / ".github" / file, old, new)
    target = Path(".github/dependabot.yml") if file == "dependabot.yml" else Path(".github/workflows")
    kwargs = {"persona": persona} if persona else {}
    findings = zizmor_findings(target, cwd=repo_copy, **kwargs)
    assert ident in {f["ident"] for f in findings}, _summary(findings)


def test_negative_schema_rejects_bad_workflow(repo_copy: Path):
    ci = repo_copy / ".github" / "workflows" / "ci.yml"
    _mutate(ci, "contents: read", "contents: sometimes")
    proc = check_jsonschema("vendor.github-workflows", ci)
    assert proc.returncode != 0, proc.stdout


def test_negative_schema_rejects_bad_dependabot(repo_copy: Path):
    dependabot = repo_copy / ".github" / "dependabot.yml"
    _mutate(dependabot, "interval: weekly", "interval: fortnightly")
    proc = check_jsonschema("vendor.dependabot", dependabot)
    assert proc.returncode != 0, proc.stdout


def test_negative_least_privilege_checker():
    pages = load(WORKFLOWS_DIR / "pages.yml")
    ci = load(WORKFLOWS_DIR / "ci.yml")

    write_all = dict(ci, permissions="write-all")
    assert permission_problems("ci.yml", write_all)

    build_writes = yaml.safe_load(yaml.safe_dump(pages))
    build_writes["jobs"]["build"]["permissions"] = {"pages": "write"}
    assert permission_problems("pages.yml", build_writes)

    top_level_pages = yaml.safe_load(yaml.safe_dump(pages))
    top_level_pages["permissions"] = {"contents": "read", "id-token": "write"}
    assert permission_problems("pages.yml", top_level_pages)

    ci_job_id_token = yaml.safe_load(yaml.safe_dump(ci))
    ci_job_id_token["jobs"]["test"]["permissions"] = {"id-token": "write"}
    assert permission_problems("ci.yml", ci_job_id_token)
