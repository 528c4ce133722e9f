"""Python handlers for test/unit/core/local/pythonDebug.test.ts (a debugger stops on the marked line)."""


def handler(event, context):
    bucket = event["Records"][0]["s3"]["bucket"]["name"]  # line: bucket (a breakpoint)
    key = event["Records"][0]["s3"]["object"]["key"]
    print("processing", bucket, key)
    return {"bucket": bucket.upper(), "key": key, "request_id": context.aws_request_id}


class ThumbnailError(Exception):
    pass


def make_thumbnail(key):
    raise ThumbnailError("cannot make a thumbnail of " + key)  # line: raise


def failing(event, context):
    key = event["Records"][0]["s3"]["object"]["key"]  # line: failing
    return make_thumbnail(key)
