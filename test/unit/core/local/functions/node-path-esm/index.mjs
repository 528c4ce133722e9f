import { greet } from 'greeting-lib';
import { shout } from 'greeting-lib/shout';

export const handler = async (event) => ({ greeting: greet(event.name), loud: shout(event.name) });
