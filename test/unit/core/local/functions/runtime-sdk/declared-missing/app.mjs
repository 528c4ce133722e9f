import { v4 as uuid } from 'uuid';

export const lambdaHandler = async () => ({ id: uuid() });
