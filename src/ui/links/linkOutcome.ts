import type { AwsSession } from '../../core/aws/sessions';
import type { AwsNode } from '../explorer/nodes/awsNode';
import type { FunctionAction } from './functionActions';

/** What became of a link the URI handler was given (the API reports each one: src/extension.ts). */
export type LinkOutcome =
  | {
      readonly status: 'revealed';
      readonly link: string;
      readonly session: AwsSession;
      readonly name: string;
      readonly qualifier?: string;
      readonly node: AwsNode;
      /** The notification's buttons. */
      readonly actions: readonly FunctionAction[];
    }
  | { readonly status: 'refused' | 'not-found' | 'failed'; readonly link: string; readonly message: string }
  | { readonly status: 'cancelled'; readonly link: string };
