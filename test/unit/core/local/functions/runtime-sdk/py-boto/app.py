# boto3 is not in requirements.txt: Lambda's Python runtime provides it.
import boto3

sts = boto3.client("sts")


def lambda_handler(event, context):
    return {"account": sts.get_caller_identity()["Account"], "boto3": boto3.__file__}
