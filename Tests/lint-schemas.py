#!/usr/bin/env python3
"""make lint-schemas: the JSON Schemas of `cohort schema` checked with a real validator.

With the cohort binary given as the first argument:

- writes the schemas and checks each against the draft 2020-12 metaschema (check-jsonschema, from PyPI);
- validates programme.yml and the front matter of every entity file (translations with their own schemas) of the example
  content, a new programme from `cohort init`, the hostile, lifecycle and combination fixtures and a generated corpus:
  a schema must accept everything `cohort check` accepts;
- for each typical mistake in MISTAKES (the list docs/editing.md gives), puts it into a copy of the
  example content and expects both the schema and `cohort check` to reject it.

check-jsonschema reads YAML as editors do (YAML 1.2, dates as text). Prints what it checked and exits
non-zero on the first failure, naming the file.
"""
import contextlib
import io
import pathlib
import shutil
import subprocess
import sys
import tempfile

try:
    import click
    import check_jsonschema
except ImportError:
    print("lint-schemas: check-jsonschema is not installed (python3 -m pip install check-jsonschema)", file=sys.stderr)
    sys.exit(1)

COHORT = pathlib.Path(sys.argv[1]).resolve()
ROOT = pathlib.Path(__file__).resolve().parent.parent
FOLDERS = {"organizations": "organization", "companies": "company", "agreements": "agreement", "news": "news", "pages": "page"}

# (file in content/, front matter that replaces its own, what is wrong, a word of cohort check's error): each
# must fail the schema and `cohort check`, for that reason.
MISTAKES = [
    ("companies/rotec.md", 'name: "ROTEC"\nstatus: "fundd"\n', "a status that is not one of the statuses", "fundd"),
    ("companies/rotec.md", 'nmae: "ROTEC"\nstatus: "signed"\n', "a misspelt field", "nmae"),
    ("companies/rotec.md", 'name: "ROTEC"\nstatus: "signed"\ncountry: "il"\n', "a country code in lower case", "'il'"),
    ("companies/rotec.md", 'name: "ROTEC"\nstatus: "signed"\nfounded: 99\n', "a founding year that is not four digits", "'99'"),
    ("companies/rotec.md", 'name: "ROTEC"\nstatus: "signed"\ninvestments:\n  - date: 2011-10-10\n    kind: "followon"\n    amount: "$1m"\n',
     "a round kind that is not one of the kinds", "followon"),
    ("companies/rotec.md", 'name: "ROTEC"\nstatus: "signed"\ninvestment: "¥1m"\n', "money with an ambiguous symbol", "¥"),
    ("companies/rotec.md", 'name: "ROTEC"\nstatus: "signed"\nwebsite: "www.rotec.example"\n', "a web address without http", "www.rotec.example"),
    ("companies/rotec.md", 'name: ""\nstatus: "signed"\n', "a blank name", "rotec.md:2:7"),
    ("agreements/framework-rotec.md", 'title: "Framework"\nkind: "framework"\nstatus: "draft"\nparties: ["rotec"]\n', "one party",
     "part"),
    ("news/programme-announced.md", 'title: "Launch"\ndate: "10/10/2011"\n', "a date not written YYYY-MM-DD", "10/10/2011"),
    ("news/programme-announced.md", 'title: "Launch"\ndate: "0999-05-15"\n', "a date outside the years 1900 to 2200", "0999-05-15"),
    ("pages/about.md", 'title: "About"\norder: -1\n', "a negative order", "-1"),
    ("pages/about.zh.md", 'title: "关于"\norder: 2\n', "a translation that sets a fact", "cannot set 'order'"),
    ("programme.yml", None, "a programme without base_url", "base_url"),
]


def fail(message):
    print("lint-schemas: " + message, file=sys.stderr)
    sys.exit(1)


def run(*arguments, cwd=None):
    return subprocess.run([str(a) for a in arguments], cwd=cwd, capture_output=True, text=True)


def check_jsonschema_run(*arguments):
    """check-jsonschema's command line with `arguments`, in this process (a new Python for each of its
    some 70 runs took most of this check's time): whether it passed, and what it printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = check_jsonschema.main(args=[str(a) for a in arguments], standalone_mode=False)
        except SystemExit as exit:
            status = exit.code
        except click.exceptions.Exit as exit:
            status = exit.exit_code
        except click.exceptions.ClickException as error:
            error.show()
            status = error.exit_code
    return not status, out.getvalue() + err.getvalue()


def front_matter(path):
    """The YAML between a Markdown file's first two `---` lines."""
    lines = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n")
    if not lines or lines[0] != "---":
        fail(f"{path}: no front matter")
    for index, line in enumerate(lines[1:], start=1):
        if line in ("---", "..."):
            return "\n".join(lines[1:index]) + "\n"
    fail(f"{path}: front matter does not end")


def validate(schema, files):
    """Whether check-jsonschema accepts every file; its output when not."""
    return check_jsonschema_run("--schemafile", schema, *files)


def check_content(content, schemas, work, label):
    """Every file of `content` that the schemas cover must validate."""
    groups = {"programme": [content / "programme.yml"]}
    for path in sorted(content.glob("programme.*.yml")):
        groups.setdefault("programme.translation", []).append(path)
    for folder, kind in FOLDERS.items():
        for index, path in enumerate(sorted((content / folder).rglob("*.md")) if (content / folder).is_dir() else []):
            # A translation is named <slug>.<language>.md.
            schema = kind + ".translation" if "." in path.name[:-3] else kind
            copy = work / label / schema / f"{index}-{path.stem}.yaml"
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(front_matter(path), encoding="utf-8")
            groups.setdefault(schema, []).append(copy)
    count = 0
    for kind, files in groups.items():
        ok, output = validate(schemas / f"{kind}.schema.json", files)
        if not ok:
            fail(f"{label}: the {kind} schema rejects what cohort check accepts:\n{output}")
        count += len(files)
    print(f"lint-schemas: {label}: {count} files valid")


def main():
    work = pathlib.Path(tempfile.mkdtemp(prefix="cohort-schemas-"))
    try:
        schemas = work / "schemas"
        result = run(COHORT, "schema", "--output", schemas)
        if result.returncode != 0:
            fail("cohort schema failed:\n" + result.stderr)
        files = sorted(schemas.glob("*.schema.json"))
        ok, output = check_jsonschema_run("--check-metaschema", *files)
        if not ok:
            fail("a schema is not valid draft 2020-12:\n" + output)
        print(f"lint-schemas: {len(files)} schemas pass the draft 2020-12 metaschema")

        starter = work / "starter"
        result = run(COHORT, "init", starter, "--title", "Schema test")
        if result.returncode != 0:
            fail("cohort init failed:\n" + result.stderr)
        corpus = work / "corpus"
        result = run(COHORT, "corpus", "--companies", "40", "--output", corpus)
        if result.returncode != 0:
            fail("cohort corpus failed:\n" + result.stderr)
        for label, content in [("example", ROOT / "content"), ("starter", starter / "content"),
                               ("hostile", ROOT / "Tests/Fixtures/hostile-programme"),
                               ("lifecycle", ROOT / "Tests/Fixtures/lifecycle-programme"),
                               ("combination", ROOT / "Tests/Fixtures/combination-programme"), ("corpus", corpus)]:
            # Each programme's own schemas, as `cohort schema` writes them in it: its company schema
            # knows the metrics its programme.yml declares.
            own = work / f"schemas-{label}"
            result = run(COHORT, "schema", "--content", content, "--output", own)
            if result.returncode != 0:
                fail(f"cohort schema --content {content} failed:\n" + result.stderr)
            ok, output = check_jsonschema_run("--check-metaschema", *sorted(own.glob("*.schema.json")))
            if not ok:
                fail(f"a schema of {label} is not valid draft 2020-12:\n" + output)
            check_content(content, own, work / "valid", label)

        # A metric the programme does not declare: the starter's schema and cohort check both refuse it.
        company = starter / "content" / "companies" / "example-company.md"
        company.write_text(company.read_text(encoding="utf-8").replace("employees: 6", "employes: 6"), encoding="utf-8")
        misspelt = work / "misspelt-metric.yaml"
        misspelt.write_text(front_matter(company), encoding="utf-8")
        accepted, _ = validate(work / "schemas-starter" / "company.schema.json", [misspelt])
        checked = run(COHORT, "check", cwd=starter)
        if accepted or checked.returncode == 0 or "did you mean 'employees'?" not in checked.stderr:
            fail(f"a misspelt metric key: the schema {'accepts' if accepted else 'rejects'} it; cohort check says:\n{checked.stderr}")
        else:
            print("lint-schemas: a misspelt metric key (employes) rejected by the starter's schema and by cohort check")

        documented = (ROOT / "docs/editing.md").read_text(encoding="utf-8")
        for index, (name, replacement, what, word) in enumerate(MISTAKES):
            if f"- {what} (" not in documented and f"- {what};" not in documented and f"- {what}." not in documented:
                fail(f"docs/editing.md does not list the mistake '{what}'")
            content = work / f"mistake-{index}"
            shutil.copytree(ROOT / "content", content)
            target = content / name
            if replacement is None:
                text = "\n".join(line for line in target.read_text(encoding="utf-8").split("\n") if not line.startswith("base_url:"))
                target.write_text(text, encoding="utf-8")
                yaml = target
            else:
                body = target.read_text(encoding="utf-8").split("\n---\n", 1)[1]
                target.write_text("---\n" + replacement + "---\n" + body, encoding="utf-8")
                yaml = work / f"mistake-{index}.yaml"
                yaml.write_text(replacement, encoding="utf-8")
            kind = "programme" if name == "programme.yml" else FOLDERS[name.split("/")[0]]
            if name.count(".") > 1:
                kind += ".translation"
            ok, _ = validate(schemas / f"{kind}.schema.json", [yaml])
            if ok:
                fail(f"the {kind} schema accepts {what}: {replacement!r}")
            checked = run(COHORT, "check", "--content", content, cwd=work)
            if checked.returncode != 1 or word not in checked.stderr:
                fail(f"cohort check does not reject {what} with an error naming {word!r} (exit {checked.returncode}):\n{checked.stderr}")
        print(f"lint-schemas: {len(MISTAKES)} typical mistakes rejected by the schemas and by cohort check")
    finally:
        shutil.rmtree(work, ignore_errors=True)


main()
