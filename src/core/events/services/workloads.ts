import type { SampleEvent } from '../types';
import { batchEvents } from './batch';
import { rekognitionEvents } from './rekognition';
import { sagemakerEvents } from './sagemaker';
import { workmailEvents } from './workmail';

/** Batch, Rekognition, SageMaker Ground Truth, WorkMail: services that hand a function a job, an image, a data object or a mail to work on; one module each in this folder, gathered here. */
export const workloadEvents: SampleEvent[] = [...batchEvents, ...rekognitionEvents, ...sagemakerEvents, ...workmailEvents];
