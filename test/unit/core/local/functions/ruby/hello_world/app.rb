require 'json'
require 'logger'

# Module state: kept while the environment stays warm.
$invocations = 0
LOGGER = Logger.new($stdout)

def lambda_handler(event:, context:)
  $invocations += 1
  puts "hello from ruby, invocation #{$invocations}"
  LOGGER.info("path #{event['path'].inspect}")
  {
    statusCode: 200,
    body: {
      message: "#{ENV['GREETING']} World!",
      invocations: $invocations,
      ruby: RUBY_VERSION,
    }.to_json,
  }
end

def context_fields(event:, context:)
  {
    aws_request_id: context.aws_request_id,
    function_name: context.function_name,
    function_version: context.function_version,
    invoked_function_arn: context.invoked_function_arn,
    memory_limit_in_mb: context.memory_limit_in_mb,
    log_group_name: context.log_group_name,
    log_stream_name: context.log_stream_name,
    deadline_ms: context.deadline_ms,
    remaining: context.get_remaining_time_in_millis,
    identity: context.identity,
    client_context: context.client_context,
    trace_id: ENV['_X_AMZN_TRACE_ID'],
    event: event,
  }
end

class OutOfStock < StandardError; end

def fail(event:, context:)
  raise OutOfStock, "no #{event['item']} left"
end

def missing_method(event:, context:)
  undefined_helper(event)
end

def sleepy(event:, context:)
  sleep(event['seconds'])
  'woke up'
end

def returns_string(event:, context:)
  'just text'
end

def uses_gem(event:, context:)
  require 'greeter'
  Greeter.greet(event['name'])
end
