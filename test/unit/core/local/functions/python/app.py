"""Python handlers for test/unit/core/local/runtime.test.ts."""
import decimal
import logging
import os
import uuid

logger = logging.getLogger()
logger.setLevel(logging.INFO)

INSTANCE = str(uuid.uuid4())
count = 0


def handler(event, context):
    global count
    count += 1
    print("hello from print", event.get("name"))
    logger.info("hello from logging")
    logger.warning("a warning")
    return {"greeting": "hello " + str(event.get("name")), "count": count, "instance": INSTANCE}


def context_handler(event, context):
    return {
        "function_name": context.function_name,
        "function_version": context.function_version,
        "memory_limit_in_mb": context.memory_limit_in_mb,
        "aws_request_id": context.aws_request_id,
        "invoked_function_arn": context.invoked_function_arn,
        "log_group_name": context.log_group_name,
        "log_stream_name": context.log_stream_name,
        "remaining": context.get_remaining_time_in_millis(),
        "handler_env": os.environ.get("_HANDLER"),
        "greeting_env": os.environ.get("GREETING"),
    }


def identity_handler(event, context):
    # As on Lambda: context.identity is always an object, context.client_context one when given.
    return {
        "cognito_identity_id": context.identity.cognito_identity_id,
        "custom": context.client_context.custom if context.client_context else None,
    }


class OrderError(Exception):
    pass


def check_order(order):
    if "id" not in order:
        raise OrderError("an order needs an id")
    return order["id"]


def failing(event, context):
    global count
    count += 1
    if event.get("mode") == "raise":
        check_order(event)
    return {"ok": True, "count": count}


def decimal_handler(event, context):
    # What boto3 gives for a DynamoDB number.
    return {"price": decimal.Decimal("12.50"), "quantity": decimal.Decimal("3")}


def unserializable(event, context):
    return {"tags": {"a", "b"}}
