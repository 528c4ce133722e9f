"""The Python runtime client of a local execution environment (standard library only).

Speaks the Lambda Runtime API at AWS_LAMBDA_RUNTIME_API like the managed Python runtime: imports
_HANDLER ("module.function") from LAMBDA_TASK_ROOT, passes a real context object, formats the logging
module like Lambda, and reports errors with Lambda's types and payload shape.
"""
import importlib
import decimal
import json
import logging
import os
import sys
import time
import traceback
import urllib.request

import _import_hints

API = "http://" + os.environ["AWS_LAMBDA_RUNTIME_API"] + "/2018-06-01/runtime"
# Proves to the Runtime API that we are the runtime it started; taken out of the environment before the handler
# loads, so that neither the handler nor its children ever see it.
TOKEN = os.environ.pop("SERVERLESS_EXPLORER_RUNTIME_TOKEN", None)
# Written on stdout and stderr before each outcome, so that the host knows it has all the invocation wrote
# (src/core/local/runtimes/outputEndMark.ts); taken out of the environment like the token.
OUTPUT_NONCE = os.environ.pop("SERVERLESS_EXPLORER_OUTPUT_MARKER", None)
current_request_id = None


def mark_output_end(route):
    if not OUTPUT_NONCE:
        return
    parts = route.split("/")
    mark = "\x1eSE-END %s %s\n" % (OUTPUT_NONCE, parts[2] if parts[1] == "invocation" else "init")
    # What the handler wrote first (sys.stdout may be its own wrapper), then the mark on the process's own streams.
    for stream, marked in ((sys.stdout, False), (sys.stderr, False), (sys.__stdout__, True), (sys.__stderr__, True)):
        try:
            if marked:
                stream.write(mark)
            stream.flush()
        except (AttributeError, OSError, ValueError):  # a handler that closed or replaced a stream: the host then waits a moment
            pass


def request(method, route, body=None, headers=None):
    if method == "POST":  # every POST is an outcome
        mark_output_end(route)
    data = None if body is None else body.encode("utf-8")
    req = urllib.request.Request(API + route, data=data, method=method, headers=headers or {})
    if TOKEN:
        req.add_header("X-Serverless-Explorer-Runtime-Token", TOKEN)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=None) as response:
        return response.headers, response.read().decode("utf-8")


def error_payload(error_type, message, stack):
    return json.dumps({"errorMessage": message, "errorType": error_type, "requestId": current_request_id or "", "stackTrace": stack})


def post_error(route, error_type, message, stack):
    request("POST", route, error_payload(error_type, message, stack), {"Lambda-Runtime-Function-Error-Type": error_type})


class CognitoIdentity:
    def __init__(self, data):
        self.cognito_identity_id = data.get("cognitoIdentityId")
        self.cognito_identity_pool_id = data.get("cognitoIdentityPoolId")


class Client:
    def __init__(self, data):
        self.installation_id = data.get("installation_id")
        self.app_title = data.get("app_title")
        self.app_version_name = data.get("app_version_name")
        self.app_version_code = data.get("app_version_code")
        self.app_package_name = data.get("app_package_name")


class ClientContext:
    def __init__(self, data):
        self.client = Client(data["client"]) if data.get("client") else None
        self.custom = data.get("custom")
        self.env = data.get("env")


def to_json(value):
    # DynamoDB numbers come back from boto3 as Decimal; Lambda writes them as JSON numbers.
    def default(o):
        if isinstance(o, decimal.Decimal):
            return int(o) if o == o.to_integral_value() else float(o)
        raise TypeError("Object of type %s is not JSON serializable" % type(o).__name__)
    return json.dumps(value, default=default)


class LambdaContext:
    def __init__(self, headers, request_id):
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = headers.get("Lambda-Runtime-Invoked-Function-Arn")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.aws_request_id = request_id
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.identity = CognitoIdentity(json.loads(headers["Lambda-Runtime-Cognito-Identity"]) if headers.get("Lambda-Runtime-Cognito-Identity") else {})
        self.client_context = ClientContext(json.loads(headers["Lambda-Runtime-Client-Context"])) if headers.get("Lambda-Runtime-Client-Context") else None
        self._deadline_ms = int(headers.get("Lambda-Runtime-Deadline-Ms", "0"))

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))


class LambdaFormatter(logging.Formatter):
    def format(self, record):
        record.aws_request_id = current_request_id or ""
        return super().format(record)


def setup_logging():
    handler = logging.StreamHandler(sys.stdout)
    formatter = LambdaFormatter("[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s", "%Y-%m-%dT%H:%M:%S")
    formatter.converter = time.gmtime
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(logging.WARNING)


def stack_of(tb):
    # The user's frames only, as Lambda shows them: not this runtime client's.
    frames = [f for f in traceback.extract_tb(tb) if os.path.abspath(f.filename) != os.path.abspath(__file__)]
    return traceback.format_list(frames)


def load_handler():
    spec = os.environ.get("_HANDLER", "")
    module_name, _, function_name = spec.rpartition(".")
    if not module_name or not function_name:
        return None, ("Runtime.MalformedHandlerName", "Bad handler '%s': not enough values to unpack (expected 2, got 1)" % spec, [])
    sys.path.insert(0, os.environ.get("LAMBDA_TASK_ROOT", os.getcwd()))
    module_path = module_name.replace("/", ".")
    try:
        module = importlib.import_module(module_path)
    except SyntaxError as e:
        return None, ("Runtime.UserCodeSyntaxError", "Syntax error in module '%s': %s" % (module_name, e), stack_of(e.__traceback__))
    except ImportError as e:
        message = "Unable to import module '%s': %s" % (module_name, e)
        fix = _import_hints.hint(e, os.environ.get("LAMBDA_TASK_ROOT", os.getcwd()), module_name) if isinstance(e, ModuleNotFoundError) else None
        return None, ("Runtime.ImportModuleError", message + "\n" + fix if fix else message, [])
    except Exception as e:  # an error while the module initialises
        return None, (type(e).__name__, str(e), stack_of(e.__traceback__))
    handler = getattr(module, function_name, None)
    if handler is None:
        return None, ("Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'" % (function_name, module_name), [])
    return handler, None


def main():
    global current_request_id
    setup_logging()
    handler, init_error = load_handler()
    if init_error:
        error_type, message, stack = init_error
        print("[ERROR] %s: %s" % (error_type, message), flush=True)
        post_error("/init/error", error_type, message, stack)
        sys.exit(1)
    while True:
        headers, body = request("GET", "/invocation/next")
        current_request_id = headers.get("Lambda-Runtime-Aws-Request-Id")
        try:
            event = json.loads(body)
        except ValueError:
            event = body
        try:
            result = handler(event, LambdaContext(headers, current_request_id))
            try:
                response = to_json(result)
            except (TypeError, ValueError) as e:
                message = "Unable to marshal response: %s" % e
                print("[ERROR] Runtime.MarshalError: %s" % message, flush=True)
                post_error("/invocation/%s/error" % current_request_id, "Runtime.MarshalError", message, [])
                continue
            request("POST", "/invocation/%s/response" % current_request_id, response)
        except Exception as e:
            stack = stack_of(e.__traceback__)
            message = str(e)
            print("[ERROR] %s: %s\nTraceback (most recent call last):\n%s" % (type(e).__name__, message, "".join(stack)), end="", flush=True)
            post_error("/invocation/%s/error" % current_request_id, type(e).__name__, message, stack)
        sys.stdout.flush()
        current_request_id = None


if __name__ == "__main__":
    main()
