# frozen_string_literal: true

# The Ruby runtime client of a local execution environment (standard library only).
#
# Speaks the Lambda Runtime API at AWS_LAMBDA_RUNTIME_API like the managed Ruby runtime: requires the file
# _HANDLER names ("file.method" or "file.Module::Class.method") from LAMBDA_TASK_ROOT, calls the handler with
# event: and context: keywords, answers with its result as JSON, and reports errors with Lambda's shape
# ({errorMessage, errorType, stackTrace}) and types (Init<Class> while loading, Function<Class> when invoked).

require 'json'
require 'logger'
require 'net/http'
require 'rbconfig'
require 'stringio'

$stdout.sync = true
$stderr.sync = true

module ServerlessExplorerRuntime
  API_HOST, API_PORT = ENV.fetch('AWS_LAMBDA_RUNTIME_API').split(':')
  PREFIX = '/2018-06-01/runtime'
  # Proves to the Runtime API that we are the runtime it started; taken out of the environment before the handler
  # loads, so that neither the handler nor its children ever see it.
  TOKEN = ENV.delete('SERVERLESS_EXPLORER_RUNTIME_TOKEN')
  # Written on stdout and stderr before each outcome, so that the host knows it has all the invocation wrote
  # (src/core/local/runtimes/outputEndMark.ts); taken out of the environment like the token.
  OUTPUT_NONCE = ENV.delete('SERVERLESS_EXPLORER_OUTPUT_MARKER')
  TASK_ROOT = ENV['LAMBDA_TASK_ROOT'] || Dir.pwd
  HANDLER = ENV['_HANDLER'].to_s
  # Our own addition to an outcome (src/core/local/runtimes/maxRssHeader.ts): the peak resident memory in KB.
  MAX_RSS_HEADER = 'x-serverless-explorer-max-rss-kb'

  class << self
    attr_accessor :request_id
  end

  # An error as Lambda reports it, classified by when it happened: "Init" or "Function".
  class Failure
    attr_reader :error

    def initialize(error, phase)
      @error = error
      @phase = phase
    end

    def error_type
      "#{@phase}<#{@error.class}>"
    end

    def payload
      { errorMessage: @error.message, errorType: error_type, stackTrace: ServerlessExplorerRuntime.user_frames(@error) }
    end
  end

  # The frames of the user's code: the trace up to where this runtime client called it, as Lambda cuts it.
  def self.user_frames(error)
    frames = []
    (error.backtrace_locations || []).first(100).each do |location|
      break if location.absolute_path == __FILE__ || location.path == __FILE__

      frames << location.to_s
    end
    frames
  end

  def self.mark_output_end(route)
    return unless OUTPUT_NONCE

    parts = route.split('/')
    mark = "\x1eSE-END #{OUTPUT_NONCE} #{parts[1] == 'invocation' ? parts[2] : 'init'}\n"
    $stdout.flush
    $stderr.flush
    # The process's own streams, whatever a handler made of $stdout.
    [STDOUT, STDERR].each do |stream|
      stream.write(mark)
      stream.flush
    rescue IOError, SystemCallError # a handler that closed the stream: the host then waits a moment
      nil
    end
  end

  def self.request(method, route, body = nil, headers = {})
    mark_output_end(route) if method == :post # every POST is an outcome
    http = Net::HTTP.new(API_HOST, API_PORT.to_i)
    http.read_timeout = nil
    http.start do |connection|
      request = method == :get ? Net::HTTP::Get.new(PREFIX + route, headers) : Net::HTTP::Post.new(PREFIX + route, headers)
      request['X-Serverless-Explorer-Runtime-Token'] = TOKEN if TOKEN
      request.body = body if body
      connection.request(request)
    end
  end

  def self.peak_memory_header
    kb = File.read('/proc/self/status')[/^VmHWM:\s+(\d+) kB/, 1]
    kb ? { MAX_RSS_HEADER => kb } : {}
  rescue SystemCallError
    {}
  end

  def self.post_failure(route, failure)
    # The type the payload names: Lambda's header would say Function<UserException> for the user's own classes,
    # but what the caller sees (and what the host shows) is the payload's.
    headers = { 'Content-Type' => 'application/json', 'Lambda-Runtime-Function-Error-Type' => failure.error_type }.merge(peak_memory_header)
    request(:post, route, failure.payload.to_json, headers)
  end

  def self.log_failure(message, failure)
    puts message
    puts JSON.pretty_generate(failure.payload)
  end

  # Lambda's `Logger.new($stdout)` format: the request id after the severity.
  class LogFormatter < Logger::Formatter
    def call(severity, time, progname, msg)
      "#{severity[0]}, [#{format_datetime(time)} ##{Process.pid}] #{severity.rjust(5)} #{ServerlessExplorerRuntime.request_id} -- #{progname}: #{msg2str(msg)}\n"
    end
  end

  # Loggers writing to the standard streams get Lambda's format, unless they bring their own.
  module LoggerFormat
    def initialize(logdev = nil, *args, **options)
      options[:formatter] ||= LogFormatter.new if logdev.nil? || logdev == $stdout || logdev == $stderr
      super(logdev, *args, **options)
    end
  end

  # The gems the function ships in vendor/bundle (`bundle config set --local path vendor/bundle`, as sam build
  # installs them) come first, as Lambda's GEM_PATH puts /var/task/vendor/bundle/ruby/<version> first; the
  # interpreter's own gems stay, standing in for those the managed runtime provides (also when a GEM_PATH is given,
  # which would otherwise hide them).
  def self.use_function_gems
    vendor = File.join(TASK_ROOT, 'vendor', 'bundle', RUBY_ENGINE, RbConfig::CONFIG['ruby_version'])
    return unless File.directory?(vendor) || ENV['GEM_PATH']

    ENV['GEM_PATH'] = [vendor, *Gem.path, *Gem.default_path].select { |dir| File.directory?(dir) }.uniq.join(File::PATH_SEPARATOR)
    Gem.clear_paths
  end

  # What the user can do about a failed load, beyond Lambda's own message: printed after it.
  def self.load_hint(error, file)
    return unless error.is_a?(LoadError)

    missing = error.message[/cannot load such file -- (.+)\z/, 1]
    if missing == file
      "#{File.join(TASK_ROOT, "#{file}.rb")} does not exist: the Handler #{HANDLER} names the file #{file}.rb in #{TASK_ROOT}."
    elsif missing && File.exist?(File.join(TASK_ROOT, 'Gemfile'))
      "#{missing} is not installed for Ruby #{RUBY_VERSION}: run `bundle install` in #{TASK_ROOT} " \
        '(Lambda loads the gems in vendor/bundle: `bundle config set --local path vendor/bundle` first to install them there).'
    elsif missing&.start_with?('aws-sdk')
      # Lambda's Ruby runtimes ship the AWS SDK for Ruby; here it is the local Ruby's to have.
      "#{missing} comes with Lambda's Ruby runtime but is not installed for Ruby #{RUBY_VERSION} here: run `gem install #{missing}`."
    end
  end

  class Runner
    def initialize
      parts = HANDLER.split('.')
      unless [2, 3].include?(parts.size)
        raise ArgumentError, "Invalid handler #{parts}, must be of form FILENAME.METHOD or FILENAME.CLASS.METHOD where FILENAME " \
                             'corresponds with an existing Ruby source file FILENAME.rb, CLASS is an optional module/class namespace ' \
                             'and METHOD is a callable method. If using CLASS, METHOD must be a class-level method.'
      end

      @file = parts.first
      @method = parts.last
      @namespace = parts[1] if parts.size == 3
    end

    # For a handler method that does not exist: the methods that do, for the log.
    def missing_hint(error)
      return unless error.is_a?(NameError) && error.backtrace&.empty?

      if @namespace && !Object.const_defined?(@namespace)
        "#{@file}.rb defines no #{@namespace}: the Handler #{HANDLER} names the class or module #{@namespace}."
      else
        target = @namespace ? Object.const_get(@namespace) : Object
        defined = @namespace ? target.singleton_methods(false) : target.private_instance_methods(false)
        what = @namespace ? "#{@namespace} does not define as a class method (def self.#{@method})" : "#{@file}.rb does not define"
        "The Handler #{HANDLER} names a method #{@method} that #{what}" +
          (defined.empty? ? '.' : ": it defines #{defined.sort.join(', ')}.")
      end
    end

    def untraced(error)
      error.set_backtrace([])
      error
    end

    def quoted(name)
      RUBY_VERSION >= '3.4' ? "'#{name}'" : "`#{name}'"
    end

    # The receiver as Ruby's NoMethodError names it, which changed in 3.3 and 3.4.
    def described(target)
      if target.equal?(TOPLEVEL_BINDING.receiver)
        RUBY_VERSION >= '3.4' ? 'main' : 'main:Object'
      elsif RUBY_VERSION >= '3.3'
        "#{target.is_a?(Class) ? 'class' : 'module'} #{target}"
      else
        "#{target}:#{target.class}"
      end
    end

    def load
      $LOAD_PATH.unshift(TASK_ROOT) unless $LOAD_PATH.include?(TASK_ROOT)
      require @file
    end

    attr_reader :file

    # The handler's result as the response body and its content type. A top-level method is a private method of
    # the main object, as on Lambda; a namespaced one is looked up at every call, as Lambda does.
    def call(event, context)
      # Ruby's own messages for a missing class or method, raised without a backtrace: it would be this file's, and
      # error_highlight would quote its line.
      raise untraced(NameError.new("uninitialized constant #{@namespace}", @namespace)) if @namespace && !Object.const_defined?(@namespace)

      target = @namespace ? Object.const_get(@namespace) : TOPLEVEL_BINDING.receiver
      raise untraced(NoMethodError.new("undefined method #{quoted(@method)} for #{described(target)}", @method.to_sym, receiver: target)) unless target.respond_to?(@method, true)

      result = target.__send__(@method, event: event, context: context)
      case result
      when StringIO, IO then [result.read, 'application/unknown']
      else [result.to_json, 'application/json']
      end
    end
  end

  # The context object of the managed runtime: attributes and get_remaining_time_in_millis.
  class Context
    attr_reader :aws_request_id, :invoked_function_arn, :log_group_name, :log_stream_name, :function_name,
                :memory_limit_in_mb, :function_version, :identity, :tenant_id, :client_context, :deadline_ms

    def initialize(response)
      @deadline_ms = response['Lambda-Runtime-Deadline-Ms'].to_i
      @aws_request_id = response['Lambda-Runtime-Aws-Request-Id']
      @invoked_function_arn = response['Lambda-Runtime-Invoked-Function-Arn']
      @log_group_name = ENV['AWS_LAMBDA_LOG_GROUP_NAME']
      @log_stream_name = ENV['AWS_LAMBDA_LOG_STREAM_NAME']
      @function_name = ENV['AWS_LAMBDA_FUNCTION_NAME']
      @memory_limit_in_mb = ENV['AWS_LAMBDA_FUNCTION_MEMORY_SIZE']
      @function_version = ENV['AWS_LAMBDA_FUNCTION_VERSION']
      @identity = parsed(response['Lambda-Runtime-Cognito-Identity'])
      @client_context = parsed(response['Lambda-Runtime-Client-Context'])
      tenant = response['Lambda-Runtime-Aws-Tenant-Id'].to_s
      @tenant_id = tenant unless tenant.empty?
    end

    def get_remaining_time_in_millis
      remaining = @deadline_ms - Process.clock_gettime(Process::CLOCK_REALTIME, :millisecond)
      remaining.positive? ? remaining : 0
    end

    private

    def parsed(header)
      JSON.parse(header) unless header.to_s.empty?
    end
  end

  def self.init
    use_function_gems
    Logger.prepend(LoggerFormat)
    runner = Runner.new
    runner.load
    runner
  rescue Exception => e # a SyntaxError or LoadError too: Lambda reports them as init errors
    failure = Failure.new(e, 'Init')
    log_failure("Init error when loading handler #{HANDLER}", failure)
    hint = load_hint(e, runner&.file || HANDLER.split('.').first)
    puts hint if hint
    post_failure('/init/error', failure)
    exit(1)
  end

  def self.invoke(runner, response)
    self.request_id = response['Lambda-Runtime-Aws-Request-Id']
    trace = response['Lambda-Runtime-Trace-Id']
    ENV['_X_AMZN_TRACE_ID'] = trace if trace
    event = response['Content-Type'] == 'application/json' ? JSON.parse(response.body) : response.body
    body, content_type = runner.call(event, Context.new(response))
    request(:post, "/invocation/#{request_id}/response", body, { 'Content-Type' => content_type }.merge(peak_memory_header))
    true
  rescue StandardError => e
    survives = !e.is_a?(NameError) # NoMethodError is a NameError: a handler Lambda cannot call ends the environment
    report(e, survives ? 'Error raised from handler method' : 'Critical exception from handler', runner.missing_hint(e))
    survives
  rescue Exception => e # Lambda reports these too (SystemExit, ScriptError…), then ends the environment
    report(e, 'Critical exception from handler')
    false
  end

  def self.report(error, message, hint = nil)
    failure = Failure.new(error, 'Function')
    log_failure(message, failure)
    puts hint if hint
    post_failure("/invocation/#{request_id}/error", failure)
  end

  def self.main
    runner = init
    loop do
      response = request(:get, '/invocation/next')
      # The environment is gone when its Runtime API is: end, as a runtime on Lambda does.
      exit(1) unless response.is_a?(Net::HTTPSuccess)
      survives = invoke(runner, response)
      self.request_id = nil
      exit(1) unless survives
    end
  rescue SystemCallError, IOError, Net::HTTPBadResponse
    exit(1)
  end
end

ServerlessExplorerRuntime.main
