"""The GitHub workflows: valid against the Actions schema, actions pinned to full commit SHAs, least
privilege, and no deployment unless the content check, the build and the tests pass."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT

from cchc.content.problems import Problem, github_annotation
from cchc.messages import msg

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


def load(path: Path) -> dict:  # type: ignore[type-arg]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_workflows_match_the_actions_schema() -> None:
    assert WORKFLOWS
    done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actions_are_pinned_to_commit_shas() -> None:
    for path in WORKFLOWS:
        for job in load(path)["jobs"].values():
            for step in job.get("steps", []):
                if "uses" in step:
                    assert re.fullmatch(r"[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}", step["uses"]), (path, step["uses"])


def test_least_privilege_and_concurrency() -> None:
    for path in WORKFLOWS:
        data = load(path)
        assert data["permissions"] == {}, f"{path.name}: no default permissions"
        assert "concurrency" in data
        for name, job in data["jobs"].items():
            assert "permissions" in job and "timeout-minutes" in job, (path.name, name)
            assert "write-all" not in str(job["permissions"])
            for step in job.get("steps", []):
                if step.get("uses", "").startswith("actions/setup-python@"):
                    assert step["with"]["cache"] == "pip"


def test_pull_requests_check_build_and_test() -> None:
    ci = load(ROOT / ".github/workflows/ci.yml")
    assert "pull_request" in ci["on"]
    runs = " ".join(step.get("run", "") for job in ci["jobs"].values() for step in job["steps"])
    assert "check_content.py --github" in runs and "make build" in runs and "make test" in runs


def test_main_deploys_only_after_everything_passes() -> None:
    pages = load(ROOT / ".github/workflows/pages.yml")
    assert pages["on"]["push"]["branches"] == ["main"]
    build, deploy = pages["jobs"]["build"], pages["jobs"]["deploy"]
    runs = [step.get("run", "") for step in build["steps"]]
    uses = [step.get("uses", "").split("@")[0] for step in build["steps"]]
    upload = uses.index("actions/upload-pages-artifact")
    for needed in ("check_content.py", "make test", "make build"):
        assert any(needed in run for run in runs[:upload]), needed
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert build["steps"][0]["with"]["fetch-depth"] == 0, "full history for the pages' last-updated dates"


def test_content_problems_become_annotations() -> None:
    problem = Problem("procedures/1.001193.yml", 42, "cach_thuc[0].phi[1].so_tien",
                      msg("not_whole_number", got="'50,000đ'"))
    assert github_annotation(problem) == (
        "::error file=procedures/1.001193.yml,line=42,title=cach_thuc[0].phi[1].so_tien::"
        "must be a whole number, got '50,000đ'"
    )
    assert github_annotation(Problem("a:b.yml", 0, "", msg("yaml_value", problem_en="x\\n100%"))).startswith("::error file=a%3Ab.yml,title=content::")


def test_check_prints_annotations_for_github(site_copy: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from check_content import main as check

    path = site_copy / "procedures/1.001193.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("so_tien: 8000", "so_tien: -1"), encoding="utf-8")
    assert check(["--root", str(site_copy), "--github"]) == 1
    out = capsys.readouterr().out
    assert "::error file=procedures/1.001193.yml,line=42,title=cach_thuc[0].phi[1].so_tien::must be from 0 to 1000000000000, got -1" in out


# The threat model of SECURITY.md: pull requests are untrusted, so what they trigger runs with no secrets, no
# write permission, no token left in the checkout, and publishes nothing.
PUBLISHING_ACTIONS = ("actions/upload-artifact", "actions/upload-pages-artifact", "actions/deploy-pages",
                      "actions/configure-pages", "peaceiris/actions-gh-pages", "JamesIves/github-pages-deploy-action")
# Triggers that run with the base repository's secrets or write token on behalf of a pull request's author.
PRIVILEGED_TRIGGERS = ("pull_request_target", "workflow_run", "issue_comment")


def test_no_workflow_runs_untrusted_code_with_privileges() -> None:
    for path in WORKFLOWS:
        data = load(path)
        triggers = data["on"] if isinstance(data["on"], (dict, list)) else [data["on"]]
        assert not set(triggers) & set(PRIVILEGED_TRIGGERS), f"{path.name}: {sorted(triggers)}"
        assert "pull_request_target" not in path.read_text(encoding="utf-8"), path.name
        assert data["permissions"] == {}, f"{path.name}: permissions: {{}} at the top"
        for name, job in data["jobs"].items():
            for step in job.get("steps", []):
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step.get("with", {}).get("persist-credentials") is False, (path.name, name)


def test_pull_request_jobs_use_no_secrets_and_publish_nothing() -> None:
    pr_workflows = [path for path in WORKFLOWS if "pull_request" in load(path)["on"]]
    assert [p.name for p in pr_workflows] == ["ci.yml"]
    for path in pr_workflows:
        data = load(path)
        assert "secrets." not in path.read_text(encoding="utf-8"), f"{path.name} uses a secret"
        assert "environment" not in str(data), f"{path.name}: a deployment environment"
        for name, job in data["jobs"].items():
            assert job["permissions"] == {"contents": "read"}, (path.name, name)
            for step in job.get("steps", []):
                assert not step.get("uses", "").startswith(PUBLISHING_ACTIONS), (path.name, name, step["uses"])


def test_only_main_publishes() -> None:
    for path in WORKFLOWS:
        data = load(path)
        uses = [step.get("uses", "") for job in data["jobs"].values() for step in job.get("steps", [])]
        if any(u.startswith(PUBLISHING_ACTIONS) for u in uses):
            assert path.name == "pages.yml"
            assert set(data["on"]) == {"push", "workflow_dispatch"} and data["on"]["push"]["branches"] == ["main"]


def test_security_policy_states_the_model_and_is_linked() -> None:
    policy = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    for term in ("pull_request_target", "permissions: {}", "secrets", "symbolic link", "anchors", "Reporting"):
        assert term in policy, term
    assert "(SECURITY.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_templates_are_reviewed_as_code() -> None:
    """Jinja templates in overrides/ run unsandboxed in the build: SECURITY.md counts them as code, not content."""
    policy = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line for line in policy.splitlines() if line.startswith("| ")}
    code = next(line for name, line in rows.items() if name.startswith("Code:"))
    content = next(line for name, line in rows.items() if name.startswith("Pull-request content:"))
    assert "`overrides/`" in code and "overrides" not in content
    reviewed = policy.split("# reviewed as code\n", 1)[1].split("```", 1)[0].split()
    assert "/overrides/" in reviewed and "/src/" in reviewed


def test_the_forms_branches_are_restored_with_the_token_in_one_step() -> None:
    """cms-format.yml (the editors' form's pull requests): runs on pushes to cms/ branches only, checks the files it
    restored, and hands the write token to the single step that pushes, after our code has run."""
    data = load(ROOT / ".github/workflows/cms-format.yml")
    assert data["on"] == {"push": {"branches": ["cms/**"]}}
    (job,) = data["jobs"].values()
    assert job["permissions"] == {"contents": "write"}
    runs = [step.get("run", "") for step in job["steps"]]
    assert any("restore_format.py" in r for r in runs) and any("check_content.py" in r for r in runs)
    with_token = [i for i, step in enumerate(job["steps"]) if "github.token" in str(step)]
    assert with_token == [len(job["steps"]) - 1] and "git push" in runs[-1]
