module Shop
  # A handler as a class method, named `orders.Shop::Orders.create`.
  class Orders
    def self.create(event:, context:)
      { order: event['item'], by: context.function_name }
    end

    def total(items)
      items.sum
    end
  end
end
