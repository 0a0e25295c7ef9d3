#!/usr/bin/env python3
"""make lint-workflow: what the GitHub workflows do on a pull request from a fork.

With the workflow `cohort init` writes (.github/workflows/cohort.yml of a new programme) as the first
argument and docs/github-workflow-comment.yml as the second, checks (after check-jsonschema has
checked their structure) that:

- a step after `cohort diff` appends its summary to $GITHUB_STEP_SUMMARY, not only on pull requests
  from the repository's own branches, so a fork's pull request gets it too;
- the step that comments runs only when the pull request comes from the repository itself
  (`github.event.pull_request.head.repo.full_name == github.repository`), as a fork's token is read-only;
- the summary and the pull request's number are uploaded as the artifact that the comment workflow
  downloads;
- the comment workflow is triggered by workflow_run of that workflow, downloads the artifact of the
  triggering run, never checks out or runs code (no actions/checkout, no `run` step), and may write
  to pull requests and nothing else.

Reads YAML with PyYAML. Prints one line per check that passed and exits non-zero on the first failure.
"""
import pathlib
import re
import sys

import yaml

SAME_REPOSITORY = "github.event.pull_request.head.repo.full_name == github.repository"


def fail(message):
    print("lint-workflow: " + message, file=sys.stderr)
    sys.exit(1)


def passed(message):
    print("lint-workflow: " + message)


def load(path):
    try:
        workflow = yaml.safe_load(pathlib.Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        fail(f"{path}: cannot read the workflow: {error}")
    if not isinstance(workflow, dict):
        fail(f"{path}: not a workflow")
    return workflow


def triggers(workflow):
    """The `on` block; PyYAML reads the key `on` as YAML 1.1's true."""
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return {name: None for name in on}
    return on or {}


def condition(step):
    """A step's `if`, with runs of white space as one space and without `${{ }}`."""
    text = " ".join(str(step.get("if", "")).split())
    return re.sub(r"^\$\{\{\s*(.*?)\s*\}\}$", r"\1", text)


def uses(step, action):
    return str(step.get("uses", "")).split("@")[0] == action


def steps(workflow, path):
    found = []
    for name, job in (workflow.get("jobs") or {}).items():
        for step in job.get("steps") or []:
            found.append((name, step))
    if not found:
        fail(f"{path}: no steps")
    return found


def check_main(path):
    workflow = load(path)
    job_steps = [step for _, step in steps(workflow, path)]
    diff = next((i for i, step in enumerate(job_steps) if "cohort diff" in str(step.get("run", ""))), None)
    if diff is None:
        fail(f"{path}: no step runs cohort diff")
    diff_id = job_steps[diff].get("id")
    later = job_steps[diff + 1:]

    summary = [step for step in later
               if re.search(r'>>\s*"?\$GITHUB_STEP_SUMMARY"?', str(step.get("run", ""))) and "cohort-diff.md" in str(step.get("run", ""))]
    if not summary:
        fail(f"{path}: no step after cohort diff appends cohort-diff.md to $GITHUB_STEP_SUMMARY")
    summary_if = condition(summary[0])
    if "head.repo" in summary_if or "github.repository" in summary_if:
        fail(f"{path}: the job summary step is limited by the pull request's repository (if: {summary_if}); "
             "it must run on a fork's pull request too")
    if diff_id and f"steps.{diff_id}.outcome" not in summary_if:
        fail(f"{path}: the job summary step does not depend on the diff step's outcome (if: {summary_if})")
    passed(f"the job summary step writes cohort-diff.md to $GITHUB_STEP_SUMMARY, also on a fork's pull request (if: {summary_if})")

    comment = [step for step in later if uses(step, "actions/github-script") and "createComment" in str((step.get("with") or {}).get("script", ""))]
    if len(comment) != 1:
        fail(f"{path}: expected one actions/github-script step that comments, found {len(comment)}")
    comment_if = condition(comment[0])
    if SAME_REPOSITORY not in comment_if:
        fail(f"{path}: the comment step's if does not contain '{SAME_REPOSITORY}' (if: {comment_if or 'none'}): "
             "on a fork's pull request the token is read-only and the step would fail")
    passed(f"the comment step runs only on pull requests from the repository itself (if: {comment_if})")

    upload = [step for step in later if uses(step, "actions/upload-artifact")]
    if not upload:
        fail(f"{path}: no actions/upload-artifact step after cohort diff keeps the summary for the comment workflow")
    upload_with = upload[0].get("with") or {}
    name = upload_with.get("name")
    if not name or not upload_with.get("path"):
        fail(f"{path}: the actions/upload-artifact step has no name or no path")
    upload_if = condition(upload[0])
    if "head.repo" in upload_if or "github.repository" in upload_if:
        fail(f"{path}: the artifact is not uploaded on a fork's pull request (if: {upload_if})")
    kept = " ".join(str(step.get("run", "")) for step in later)
    if "cohort-diff.md" not in kept or "github.event.pull_request.number" not in " ".join(str(step.get("env", "")) for step in later):
        fail(f"{path}: the artifact does not hold cohort-diff.md and the pull request's number")
    passed(f"the summary and the pull request's number are uploaded as the artifact {name}")
    return workflow.get("name"), name


def check_comment(path, workflow_name, artifact):
    workflow = load(path)
    on = triggers(workflow)
    if set(on) != {"workflow_run"}:
        fail(f"{path}: triggered by {', '.join(map(str, on)) or 'nothing'}; it must be triggered by workflow_run only "
             "(pull_request_target would run with the fork's pull request in reach)")
    run = on["workflow_run"] or {}
    if workflow_name not in (run.get("workflows") or []) or "completed" not in (run.get("types") or []):
        fail(f"{path}: not triggered when a run of the workflow {workflow_name!r} completes (workflow_run: {run})")
    passed(f"the comment workflow is triggered by workflow_run of {workflow_name!r}, completed")

    grants = [("the workflow", workflow.get("permissions"))]
    grants += [(f"job {name}", job["permissions"]) for name, job in (workflow.get("jobs") or {}).items() if "permissions" in job]
    if workflow.get("permissions") is None and len(grants) == 1:
        fail(f"{path}: no permissions, so the token gets the repository's default ones")
    for where, permissions in grants:
        if permissions is None:
            continue
        if not isinstance(permissions, dict):
            fail(f"{path}: {where} has permissions {permissions!r}; name each one")
        writes = sorted(scope for scope, level in permissions.items() if level == "write")
        if writes != ["pull-requests"]:
            fail(f"{path}: {where} may write to {', '.join(writes) or 'nothing'}; it must write to pull-requests only")
    passed("the comment workflow's token may write to pull-requests only")

    jobs = workflow.get("jobs") or {}
    for name, job in jobs.items():
        job_if = condition(job)
        if "github.event.workflow_run.event == 'pull_request'" not in job_if:
            fail(f"{path}: job {name} does not run only for runs of pull requests (if: {job_if or 'none'})")
    all_steps = steps(workflow, path)
    for name, step in all_steps:
        if uses(step, "actions/checkout"):
            fail(f"{path}: job {name} checks out code with actions/checkout; it must never run the fork's code")
        if "run" in step:
            fail(f"{path}: job {name} has a run step ({step.get('name', step['run'])!r}); it must run no code of the pull request")
    passed("the comment workflow runs only for pull requests, with no actions/checkout and no run step")

    download = [step for _, step in all_steps if uses(step, "actions/download-artifact")]
    if not download:
        fail(f"{path}: no actions/download-artifact step")
    download_with = download[0].get("with") or {}
    if download_with.get("name") != artifact:
        fail(f"{path}: downloads the artifact {download_with.get('name')!r}, not {artifact!r} that the workflow uploads")
    if "github.event.workflow_run.id" not in str(download_with.get("run-id", "")) or not download_with.get("github-token"):
        fail(f"{path}: the artifact is not downloaded from the triggering run (run-id: github.event.workflow_run.id, github-token)")
    script = " ".join(str((step.get("with") or {}).get("script", "")) for _, step in all_steps if uses(step, "actions/github-script"))
    if "<!-- cohort-diff -->" not in script or not re.search(r"\^\[0-9\]", script):
        fail(f"{path}: no actions/github-script step checks that the pull request's number is digits and comments <!-- cohort-diff -->")
    passed(f"the comment workflow downloads {artifact} of the triggering run, checks the number and comments")


def main():
    if len(sys.argv) != 3:
        fail("usage: lint-workflow.py <cohort.yml as cohort init writes it> <docs/github-workflow-comment.yml>")
    workflow_name, artifact = check_main(sys.argv[1])
    check_comment(sys.argv[2], workflow_name, artifact)


main()
