/** The custom termination policy event (Auto Scaling user guide, "Create a custom termination policy with Lambda"). */
export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'autoscaling scale-in': [
    'AutoScalingGroupARN',
    'AutoScalingGroupName',
    'CapacityToTerminate[].AvailabilityZone',
    'CapacityToTerminate[].Capacity',
    'CapacityToTerminate[].InstanceMarketOption',
    'Instances[].AvailabilityZone',
    'Instances[].InstanceId',
    'Instances[].InstanceType',
    'Instances[].InstanceMarketOption',
    'Cause',
    'HasMoreInstances',
  ],
};
