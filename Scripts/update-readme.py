#!/usr/bin/env python3
"""Regenerates every figure block of README.md from the release binary.

A block is an HTML comment naming an `orbital` command, a fenced block with its output, and an
end marker:

    <!-- orbital compare orbital-1gw-dawn-dusk colossus-1 -->
    ```
    ...output...
    ```
    <!-- end -->

`<!-- measured: orbital bench -->` blocks hold timings: regenerated here, not compared by the
tests (they vary from run to run). `<!-- measured: Scripts/instructions.py -->` holds callgrind's
instruction counts (regenerated when valgrind is installed, else kept). `<!-- measured:
.ci/serve.sh -->` holds the served API's figures from `.ci/serve.sh` (schemathesis, the page's
recompute times in Chromium, the load test), regenerated when Chromium is installed, else kept.
`--check` exits 1 when a deterministic block is stale; the XCTest `ReadmeFiguresTests` does the
same check in `swift test`.

    python3 Scripts/update-readme.py [--binary .build/release/orbital] [--check]
"""
import argparse, os, pathlib, re, shlex, shutil, subprocess, sys

BLOCK = re.compile(r"<!-- (orbital|measured: orbital|measured: Scripts/instructions.py|measured: .ci/serve.sh)(| .*?) -->\n```([a-z]*)\n(.*?)```\n<!-- end -->", re.S)
# The lines of `.ci/serve.sh` a README block keeps: what it measured, not its progress.
SERVE_LINES = re.compile(r"^(serve: schemathesis: \d+ generated|serve-browser: recompute times|serve-load: |serve: ok in )")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=".build/release/orbital")
    ap.add_argument("--check", action="store_true", help="fail when a deterministic block differs")
    ap.add_argument("--readme", default="README.md")
    args = ap.parse_args()
    readme = pathlib.Path(args.readme)
    text = readme.read_text()
    stale = []

    def render(m):
        kind, command, lang, old = m.group(1), m.group(2), m.group(3), m.group(4)
        if args.check and kind != "orbital":
            return m.group(0)
        if kind.endswith("serve.sh"):
            if shutil.which("chromium") is None:
                return m.group(0)
            script = pathlib.Path(__file__).parent.parent / ".ci" / "serve.sh"
            run = subprocess.run(["bash", str(script)], check=True, capture_output=True, text=True,
                                 env={**os.environ, "ORBITAL": str(pathlib.Path(args.binary).resolve())})
            out = "".join(line + "\n" for line in run.stdout.splitlines() if SERVE_LINES.match(line))
        elif kind.endswith("instructions.py"):
            if shutil.which("valgrind") is None:
                return m.group(0)
            script = pathlib.Path(__file__).with_name("instructions.py")
            out = subprocess.run([sys.executable, str(script), "--binary", args.binary], check=True, capture_output=True, text=True).stdout
        else:
            out = subprocess.run([args.binary, *shlex.split(command)], check=True, capture_output=True, text=True).stdout
        if kind == "orbital" and out != old:
            stale.append(command)
        return f"<!-- {kind}{command} -->\n```{lang}\n{out}```\n<!-- end -->"

    new = BLOCK.sub(render, text)
    if args.check:
        for c in stale:
            print(f"README.md is stale: `orbital {c}` prints something else (run Scripts/update-readme.py)", file=sys.stderr)
        sys.exit(1 if stale else 0)
    readme.write_text(new)
    print(f"README.md: {len(BLOCK.findall(text))} blocks regenerated")


if __name__ == "__main__":
    main()
