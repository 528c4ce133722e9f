require 'not_installed_gem'

def lambda_handler(event:, context:)
  'never'
end
