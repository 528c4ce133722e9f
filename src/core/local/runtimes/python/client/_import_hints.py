"""What to run when a handler fails to import a package: the fix added to Lambda's Runtime.ImportModuleError.

Imported by bootstrap.py (standard library only). The leading underscore keeps it clear of the function's own modules.
"""
import os
import re
import sys

# Packages whose import name is not their distribution's name: the ones requirements.txt files name most often.
DISTRIBUTIONS = {
    "yaml": "pyyaml", "PIL": "pillow", "dateutil": "python-dateutil", "jwt": "pyjwt", "bs4": "beautifulsoup4",
    "dotenv": "python-dotenv", "sklearn": "scikit-learn", "cv2": "opencv-python", "attr": "attrs",
    "google": "protobuf", "psycopg2": "psycopg2-binary", "jose": "python-jose", "multipart": "python-multipart",
    "aws_lambda_powertools": "aws-lambda-powertools", "aws_xray_sdk": "aws-xray-sdk",
}
# What Lambda's Python runtimes ship besides the standard library.
RUNTIME_PROVIDED = ("boto3", "botocore")


def normalized(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def required_names(requirements):
    """The distributions a requirements file names (normalized), without versions, extras or markers."""
    names = set()
    try:
        with open(requirements, encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if not line or line.startswith("-"):
                    continue
                match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", line)
                if match:
                    names.add(normalized(match.group(0)))
    except OSError:
        pass
    return names


def interpreter():
    """The Python that ran, and how to name it: the virtual environment when it is one."""
    python = sys.executable or "python3"
    venv = sys.prefix if sys.prefix != getattr(sys, "base_prefix", sys.prefix) else None
    return python, ("the virtual environment %s" % venv) if venv else python


def hint(error, task_root, module_name):
    """The fix for a ModuleNotFoundError raised while importing the handler's module, or None."""
    missing = getattr(error, "name", None)
    if not missing:
        return None
    top = missing.split(".", 1)[0]
    if os.path.exists(os.path.join(task_root, top)) or os.path.exists(os.path.join(task_root, top + ".py")):
        return None  # the function's own module: not an install away
    python, where = interpreter()
    handler_dir = os.path.dirname(os.path.join(task_root, module_name.replace(".", os.sep)))
    wanted = {normalized(top), normalized(DISTRIBUTIONS.get(top, top))}
    for folder in dict.fromkeys([handler_dir, task_root]):
        requirements = os.path.join(folder, "requirements.txt")
        if wanted & required_names(requirements):
            return "%s is in %s but not installed in %s: run `%s -m pip install -r requirements.txt` in %s." % (top, requirements, where, python, folder)
    if top in RUNTIME_PROVIDED:
        runtime = os.environ.get("AWS_EXECUTION_ENV", "").replace("AWS_Lambda_", "") or "Python"
        return "Lambda's %s runtime provides %s; %s does not have it: run `%s -m pip install boto3`." % (runtime, top, where, python)
    return None
