def lambda_handler(event:, context:)
  if event['x']
    'x'
end
