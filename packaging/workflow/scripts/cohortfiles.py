"""What the cohort workflow's scripts share: whole-file writes and running slidesight-cli."""

import json
import os
import subprocess
import tempfile


def write_text_atomically(path, text):
    """Writes through a temporary file in the same folder, then renames: never a partial file."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def write_json_atomically(path, value):
    write_text_atomically(path, json.dumps(value, indent=2, sort_keys=True) + "\n")


def run_cli(arguments):
    """Runs slidesight-cli with --json: (its JSON output, None), or (None, its one error sentence)."""
    process = subprocess.run(arguments + ["--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if process.returncode != 0:
        lines = [l for l in process.stderr.splitlines() if l.strip()]
        message = lines[-1] if lines else "exit status %d" % process.returncode
        prefix = os.path.basename(arguments[0]) + ": "
        return None, message[len(prefix):] if message.startswith(prefix) else message
    try:
        return json.loads(process.stdout), None
    except ValueError:
        return None, "%s %s printed no JSON." % (arguments[0], arguments[1])
