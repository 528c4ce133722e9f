import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findTemplates } from '../../../../../src/core/local/sources/sam/templateDiscovery';
import { parseTemplate, parseTemplateDocument } from '../../../../../src/core/local/sources/sam/templateFunctions';
import type { TemplateProblem } from '../../../../../src/core/local/sources/sam/templateProblem';
import { readWorkspaceFunctions } from '../../../../../src/core/local/sources/registry';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS, type LocalFunctionDefinition } from '../../../../../src/core/local/types';

const PROJECT = path.resolve(os.tmpdir(), 'orders-service');
const TEMPLATE_FILE = path.join(PROJECT, 'template.yaml');

/** A SAM app with Globals, Parameters, Mappings, Conditions and every short-form tag. */
const SAM_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: >
  Orders service: create and list orders.

Parameters:
  Stage:
    Type: String
    Default: dev
    AllowedValues: [dev, prod]
  LogLevel:
    Type: String
    Default: debug
  FunctionTimeout:
    Type: Number
    Default: 30
  FunctionMemory:
    Type: Number
    Default: '512'
  Subnets:
    Type: CommaDelimitedList
    Default: subnet-aaa, subnet-bbb
  ApiKeySecret:
    Type: String
    NoEcho: true
  DbUrl:
    Type: AWS::SSM::Parameter::Value<String>
    Default: /orders/db-url

Mappings:
  StageConfig:
    dev:
      Retention: 7
    prod:
      Retention: 90

Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  IsDev: !Not [!Condition IsProd]
  UseAlarms: !And
    - !Condition IsProd
    - !Or [!Equals [!Ref LogLevel, info], !Equals [!Ref LogLevel, warn]]
  HasSecret: !Not [!Equals [!Ref ApiKeySecret, '']]

Globals:
  Function:
    Runtime: nodejs20.x
    Timeout: !Ref FunctionTimeout
    MemorySize: !Ref FunctionMemory
    Architectures: [arm64]
    Tracing: Active
    Environment:
      Variables:
        STAGE: !Ref Stage
        LOG_LEVEL: !Ref LogLevel
        REGION: !Ref AWS::Region
        POWERTOOLS_SERVICE_NAME: orders
  Api:
    Cors: "'*'"

Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16

  PrivateSubnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]
      AvailabilityZone: !Select [0, !GetAZs '']

  OrdersTable:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: !Sub orders-\${Stage}
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: pk
          AttributeType: S
      KeySchema:
        - AttributeName: pk
          KeyType: HASH
      StreamSpecification:
        StreamViewType: NEW_IMAGE
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: !If [IsProd, true, false]

  OrdersTopic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Join ['-', [orders, !Ref Stage]]

  Snippet:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: !ToJsonString
        stage: !Ref Stage
        subnets: !Ref Subnets
      Description: !Transform
        Name: AWS::Include
        Parameters:
          Location: s3://shared-snippets/description.yaml

  CreateOrderFunction:
    Type: AWS::Serverless::Function
    Metadata:
      BuildMethod: esbuild
      BuildProperties:
        Minify: true
        Target: es2022
        Sourcemap: true
        EntryPoints:
          - app.ts
    Properties:
      CodeUri: src/create-order/
      Handler: app.handler
      Timeout: 10
      Environment:
        Variables:
          LOG_LEVEL: info
          TABLE_NAME: !Ref OrdersTable
          TABLE_ARN: !GetAtt OrdersTable.Arn
          STREAM_ARN: !GetAtt [OrdersTable, StreamArn]
          TOPIC_ARN: !Ref OrdersTopic
          QUEUE_URL: !Sub 'https://sqs.\${AWS::Region}.amazonaws.com/\${AWS::AccountId}/orders-\${Stage}'
          STACK: !Sub '\${AWS::StackName}-orders'
          BUCKET_ARN: !Sub
            - 'arn:\${AWS::Partition}:s3:::\${Bucket}/*'
            - Bucket: !Join ['-', [orders, !Ref Stage, !Ref AWS::AccountId]]
          SHARED_TABLE: !ImportValue shared-table-name
          RETENTION_DAYS: !FindInMap [StageConfig, !Ref Stage, Retention]
          ALARMS: !If [UseAlarms, 'on', 'off']
          TRACE: !If [IsProd, !Ref AWS::NoValue, 'true']
          DEBUG_ONLY: !If [IsDev, 'yes', !Ref AWS::NoValue]
          PROD_ONLY: !If [IsProd, 'yes', !Ref AWS::NoValue]
          FIRST_SUBNET: !Select [0, !Ref Subnets]
          SECOND_LETTER: !Select [1, !Split [',', 'a,b,c']]
          ESCAPED: !Sub 'literal \${!NotAVariable}'
          CONFIG: !ToJsonString {retries: 3, stage: !Ref Stage}
          LETTER_COUNT: !Length [a, b, c]
          SECRET: !Ref ApiKeySecret
          DB_URL: !Ref DbUrl
          ENCODED: !Base64 hello
          MAX_ITEMS: 25
          DRY_RUN: false
      Events:
        CreateOrder:
          Type: Api
          Properties:
            Path: /orders
            Method: post
      Policies:
        - DynamoDBCrudPolicy:
            TableName: !Ref OrdersTable
        - Statement:
            - Effect: Allow
              Action: sns:Publish
              Resource: !Ref OrdersTopic
            - Effect: Allow
              Action: ssm:GetParameter
              Resource: !Sub 'arn:aws:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/orders/*'
      VpcConfig:
        SubnetIds: !Ref Subnets
        SecurityGroupIds:
          - !ImportValue
            Fn::Sub: '\${Stage}-lambda-sg'

  ListOrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/list_orders
      Handler: app.lambda_handler
      Runtime: python3.12
      Architectures:
        - x86_64
      Layers:
        - !If [IsProd, !Sub 'arn:aws:lambda:\${AWS::Region}:017000801446:layer:AWSLambdaPowertoolsPythonV2:68', !Ref AWS::NoValue]
      Events:
        Stream:
          Type: DynamoDB
          Properties:
            Stream: !GetAtt OrdersTable.StreamArn
            StartingPosition: LATEST
        Nightly:
          Type: Schedule
          Properties:
            Schedule: cron(0 3 * * ? *)
            Input: !ToJsonString {source: nightly, full: true}

  ProcessorInstance:
    Type: AWS::EC2::Instance
    Condition: IsProd
    Properties:
      ImageId: ami-0123456789abcdef0
      SubnetId: !Ref PrivateSubnet
      UserData:
        Fn::Base64: !Sub |
          #!/bin/bash
          echo "stage \${Stage}" > /etc/stage

Outputs:
  ApiUrl:
    Value: !Sub 'https://\${ServerlessRestApi}.execute-api.\${AWS::Region}.amazonaws.com/Prod/'
  TableArn:
    Value: !GetAtt OrdersTable.Arn
    Export:
      Name: !Join [':', [!Ref AWS::StackName, TableArn]]
  ProdOnly:
    Condition: IsProd
    Value: !If [IsProd, 'yes', 'no']
`;

const JSON_TEMPLATE = JSON.stringify(
  {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Worker functions (packaged with aws cloudformation package)',
    Parameters: {
      Memory: { Type: 'Number', Default: '256' },
      Env: { Type: 'String', Default: 'staging' },
    },
    Resources: {
      WorkerRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          },
          ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }],
        },
      },
      WorkerFunction: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Code: './worker',
          Handler: 'index.handler',
          Runtime: 'nodejs22.x',
          Role: { 'Fn::GetAtt': ['WorkerRole', 'Arn'] },
          MemorySize: { Ref: 'Memory' },
          Timeout: 60,
          Architectures: ['arm64'],
          Environment: {
            Variables: {
              ENV: { Ref: 'Env' },
              ROLE_ARN: { 'Fn::GetAtt': 'WorkerRole.Arn' },
              URL: { 'Fn::Sub': 'https://${AWS::Region}.example.com/${Env}' },
              QUEUE: { 'Fn::ImportValue': { 'Fn::Sub': '${Env}-queue-url' } },
              PREFIX: { 'Fn::Join': ['/', ['jobs', { Ref: 'AWS::StackName' }]] },
            },
          },
        },
      },
      CleanupFunction: {
        Type: 'AWS::Lambda::Function',
        Properties: { Code: 'src/cleanup', Handler: 'cleanup.main', Runtime: 'python3.13', Role: { 'Fn::GetAtt': ['WorkerRole', 'Arn'] } },
      },
    },
  },
  null,
  2,
);

function fn(result: { functions: LocalFunctionDefinition[] }, name: string): LocalFunctionDefinition {
  const found = result.functions.find((f) => f.name === name);
  assert.ok(found, `no function ${name} in ${result.functions.map((f) => f.name).join(', ')}`);
  return found;
}

/** A SAM template around the given Resources (indented two spaces), and what parseTemplate makes of it. */
function sam(resources: string, extra = ''): ReturnType<typeof parseTemplate> {
  return parseTemplate(`AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\n${extra}Resources:\n${resources}`, TEMPLATE_FILE);
}

function onlyProblem(result: ReturnType<typeof parseTemplate>, logicalId: string, pattern: RegExp): TemplateProblem {
  assert.equal(result.functions.length, 0, `expected no functions, got ${result.functions.map((f) => f.name).join(', ')}`);
  assert.equal(result.problems.length, 1, JSON.stringify(result.problems));
  const [problem] = result.problems;
  assert.equal(problem.logicalId, logicalId);
  assert.ok(problem.message.startsWith(`${logicalId}: `), problem.message);
  assert.match(problem.message, pattern);
  assert.match(problem.message, /\(.+\)$/, `says how to fix it: ${problem.message}`);
  return problem;
}

describe('core/local template', () => {
  describe('short-form intrinsic tags', () => {
    it('turns each tag, as a scalar, a sequence or a mapping, into its long form', () => {
      const parsed = parseTemplateDocument(
        `Ref: !Ref Bucket
SubScalar: !Sub 'arn:\${AWS::Partition}:s3:::\${Bucket}'
SubSequence: !Sub ['\${A}-x', {A: !Ref Stage}]
GetAttScalar: !GetAtt Db.Endpoint.Address
GetAttSequence: !GetAtt [Table, Arn]
If: !If [IsProd, 1, 2]
Join: !Join [',', [a, b]]
Select: !Select ['0', !GetAZs '']
Split: !Split ['|', 'a|b']
FindInMap: !FindInMap [Map, Top, Second]
ImportValue: !ImportValue shared
Base64: !Base64 text
Cidr: !Cidr [10.0.0.0/16, 4, 8]
GetAZs: !GetAZs us-west-2
Equals: !Equals [a, b]
And: !And [!Condition A, !Condition B]
Or: !Or [!Condition A, !Condition B]
Not: !Not [!Condition A]
Condition: !Condition A
Transform: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}
ToJsonString: !ToJsonString {a: 1}
Length: !Length [1, 2, 3]
`,
        'tags.yaml',
      );
      assert.ok('value' in parsed, JSON.stringify(parsed));
      assert.deepEqual(parsed.value, {
        Ref: { Ref: 'Bucket' },
        SubScalar: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}' },
        SubSequence: { 'Fn::Sub': ['${A}-x', { A: { Ref: 'Stage' } }] },
        GetAttScalar: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] },
        GetAttSequence: { 'Fn::GetAtt': ['Table', 'Arn'] },
        If: { 'Fn::If': ['IsProd', 1, 2] },
        Join: { 'Fn::Join': [',', ['a', 'b']] },
        Select: { 'Fn::Select': ['0', { 'Fn::GetAZs': '' }] },
        Split: { 'Fn::Split': ['|', 'a|b'] },
        FindInMap: { 'Fn::FindInMap': ['Map', 'Top', 'Second'] },
        ImportValue: { 'Fn::ImportValue': 'shared' },
        Base64: { 'Fn::Base64': 'text' },
        Cidr: { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] },
        GetAZs: { 'Fn::GetAZs': 'us-west-2' },
        Equals: { 'Fn::Equals': ['a', 'b'] },
        And: { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] },
        Or: { 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] },
        Not: { 'Fn::Not': [{ Condition: 'A' }] },
        Condition: { Condition: 'A' },
        Transform: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } },
        ToJsonString: { 'Fn::ToJsonString': { a: 1 } },
        Length: { 'Fn::Length': [1, 2, 3] },
      });
    });

    it('keeps anchors and aliases working inside tagged collections, and does not fail on unknown tags', () => {
      const parsed = parseTemplateDocument('base: &vars {A: !Ref X}\nsub: !Sub ["${A}", *vars]\nother: !Custom thing\n', 't.yaml');
      assert.ok('value' in parsed, JSON.stringify(parsed));
      assert.deepEqual(parsed.value, { base: { A: { Ref: 'X' } }, sub: { 'Fn::Sub': ['${A}', { A: { Ref: 'X' } }] }, other: 'thing' });
    });
  });

  describe('parseTemplate on a SAM template', () => {
    const result = parseTemplate(SAM_TEMPLATE, TEMPLATE_FILE);

    it('reads both functions, in template order, with no problems', () => {
      assert.deepEqual(result.problems, []);
      assert.deepEqual(
        result.functions.map((f) => f.name),
        ['CreateOrderFunction', 'ListOrdersFunction'],
      );
    });

    it('merges Globals.Function under the function (its own values win, variables merge key by key) and resolves intrinsics', () => {
      assert.deepEqual(fn(result, 'CreateOrderFunction'), {
        name: 'CreateOrderFunction',
        codeDir: path.join(PROJECT, 'src', 'create-order'),
        handler: 'app.handler',
        runtime: 'nodejs20.x',
        timeoutSeconds: 10,
        memoryMb: 512,
        architecture: 'arm64',
        origin: { source: 'sam', file: TEMPLATE_FILE, id: 'CreateOrderFunction' },
        // Its Metadata: built with esbuild before it runs, with the other BuildProperties as flags.
        build: { method: 'esbuild', entryPoints: ['app.ts'], properties: { Minify: true, Target: 'es2022', Sourcemap: true }, projectRoot: PROJECT },
        environment: {
          STAGE: 'dev',
          LOG_LEVEL: 'info',
          REGION: 'us-east-1',
          POWERTOOLS_SERVICE_NAME: 'orders',
          TABLE_NAME: '${OrdersTable}',
          TABLE_ARN: '${OrdersTable.Arn}',
          STREAM_ARN: '${OrdersTable.StreamArn}',
          TOPIC_ARN: '${OrdersTopic}',
          QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders-dev',
          STACK: 'local-orders',
          BUCKET_ARN: 'arn:aws:s3:::orders-dev-123456789012/*',
          SHARED_TABLE: '${ImportValue:shared-table-name}',
          RETENTION_DAYS: '7',
          ALARMS: 'off',
          TRACE: 'true',
          DEBUG_ONLY: 'yes',
          FIRST_SUBNET: 'subnet-aaa',
          SECOND_LETTER: 'b',
          ESCAPED: 'literal ${NotAVariable}',
          CONFIG: '{"retries":3,"stage":"dev"}',
          LETTER_COUNT: '3',
          SECRET: '${ApiKeySecret}',
          DB_URL: '${DbUrl}',
          ENCODED: 'aGVsbG8=',
          MAX_ITEMS: '25',
          DRY_RUN: 'false',
        },
      });
    });

    it('gives a function without its own Environment the Globals variables, and numbers from Number parameters', () => {
      assert.deepEqual(fn(result, 'ListOrdersFunction'), {
        name: 'ListOrdersFunction',
        codeDir: path.join(PROJECT, 'src', 'list_orders'),
        handler: 'app.lambda_handler',
        runtime: 'python3.12',
        timeoutSeconds: 30,
        memoryMb: 512,
        architecture: 'x86_64',
        origin: { source: 'sam', file: TEMPLATE_FILE, id: 'ListOrdersFunction' },
        environment: { STAGE: 'dev', LOG_LEVEL: 'debug', REGION: 'us-east-1', POWERTOOLS_SERVICE_NAME: 'orders' },
      });
      assert.equal(typeof fn(result, 'ListOrdersFunction').timeoutSeconds, 'number');
    });

    it('resolves the template file and CodeUri to absolute paths from a relative template path', () => {
      const relative = path.relative(process.cwd(), TEMPLATE_FILE);
      const again = parseTemplate(SAM_TEMPLATE, relative);
      assert.equal(fn(again, 'ListOrdersFunction').origin?.file, TEMPLATE_FILE);
      assert.equal(fn(again, 'ListOrdersFunction').codeDir, path.join(PROJECT, 'src', 'list_orders'));
    });

    it('keeps a FunctionName the template fixes as the name in AWS, and none when it depends on what is unknown here', () => {
      const named = sam(
        "  Fixed:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: a.h\n      Runtime: nodejs20.x\n      FunctionName: !Sub 'orders-${Stage}'\n" +
          '  Unknown:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: a.h\n      Runtime: nodejs20.x\n      FunctionName: !ImportValue shared-name\n' +
          '  Generated:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: a.h\n      Runtime: nodejs20.x\n',
        'Parameters:\n  Stage:\n    Type: String\n    Default: prod\n',
      );
      assert.deepEqual(named.functions.map((f) => [f.name, f.deployedName]), [['Fixed', 'orders-prod'], ['Unknown', undefined], ['Generated', undefined]]);
    });

    it('uses the defaults: CodeUri ".", 3 s, 128 MB, x86_64, no variables', () => {
      const minimal = sam('  Hello:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: bootstrap\n      Runtime: provided.al2023\n');
      assert.deepEqual(minimal.problems, []);
      assert.deepEqual(minimal.functions, [
        {
          name: 'Hello',
          codeDir: PROJECT,
          handler: 'bootstrap',
          runtime: 'provided.al2023',
          timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
          memoryMb: DEFAULT_MEMORY_MB,
          environment: {},
          architecture: 'x86_64',
          origin: { source: 'sam', file: TEMPLATE_FILE, id: 'Hello' },
        },
      ]);
      assert.equal(DEFAULT_TIMEOUT_SECONDS, 3);
      assert.equal(DEFAULT_MEMORY_MB, 128);
    });

    it('accepts a Transform list, Globals CodeUri and Handler, and condition-picked values from parameters', () => {
      const result = parseTemplate(
        `AWSTemplateFormatVersion: '2010-09-09'
Transform:
  - AWS::LanguageExtensions
  - AWS::Serverless-2016-10-31
Parameters:
  Stage: {Type: String, Default: prod}
Conditions:
  IsProd: !Equals [prod, !Ref Stage]
Globals:
  Function:
    CodeUri: backend/
    Handler: index.handler
    Runtime: !If [IsProd, nodejs22.x, nodejs20.x]
    MemorySize: !If [IsProd, 1024, 256]
Resources:
  A:
    Type: AWS::Serverless::Function
  B:
    Type: AWS::Serverless::Function
    Properties:
      Handler: other.handler
      Environment:
        Variables:
          MODE: !If [IsProd, live, test]
`,
        TEMPLATE_FILE,
      );
      assert.deepEqual(result.problems, []);
      assert.deepEqual(
        result.functions.map((f) => [f.name, f.codeDir, f.handler, f.runtime, f.memoryMb, f.environment]),
        [
          ['A', path.join(PROJECT, 'backend'), 'index.handler', 'nodejs22.x', 1024, {}],
          ['B', path.join(PROJECT, 'backend'), 'other.handler', 'nodejs22.x', 1024, { MODE: 'live' }],
        ],
      );
    });

    it('leaves a value that depends on an unknown condition as a placeholder', () => {
      const result = sam(
        '  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: a.b\n      Runtime: nodejs20.x\n      Environment:\n        Variables:\n          X: !If [HasKey, !Ref Key, none]\n',
        "Parameters:\n  Key: {Type: String}\nConditions:\n  HasKey: !Not [!Equals [!Ref Key, '']]\n",
      );
      assert.deepEqual(result.problems, []);
      assert.deepEqual(fn(result, 'F').environment, { X: '${If:HasKey}' });
    });
  });

  describe('parseTemplate on a JSON CloudFormation template', () => {
    const file = path.join(PROJECT, 'infra', 'workers.json');
    const result = parseTemplate(JSON_TEMPLATE, file);

    it('reads AWS::Lambda::Function with a local Code path and long-form intrinsics', () => {
      assert.deepEqual(result.problems, []);
      assert.deepEqual(result.functions, [
        {
          name: 'WorkerFunction',
          codeDir: path.join(PROJECT, 'infra', 'worker'),
          handler: 'index.handler',
          runtime: 'nodejs22.x',
          timeoutSeconds: 60,
          memoryMb: 256,
          environment: {
            ENV: 'staging',
            ROLE_ARN: '${WorkerRole.Arn}',
            URL: 'https://us-east-1.example.com/staging',
            QUEUE: '${ImportValue:staging-queue-url}',
            PREFIX: 'jobs/local',
          },
          architecture: 'arm64',
          origin: { source: 'sam', file: file, id: 'WorkerFunction' },
        },
        {
          name: 'CleanupFunction',
          codeDir: path.join(PROJECT, 'infra', 'src', 'cleanup'),
          handler: 'cleanup.main',
          runtime: 'python3.13',
          timeoutSeconds: 3,
          memoryMb: 128,
          environment: {},
          architecture: 'x86_64',
          origin: { source: 'sam', file: file, id: 'CleanupFunction' },
        },
      ]);
    });

    it('reads JSON text in a file without a .json extension too', () => {
      assert.equal(parseTemplate(JSON_TEMPLATE, path.join(PROJECT, 'template.yaml')).functions.length, 2);
    });
  });

  describe('problems', () => {
    const props = (body: string): string => `  HelloFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n${body}`;

    it('no Runtime, on the function or in Globals', () => {
      const problem = onlyProblem(sam(props('      Handler: app.handler\n')), 'HelloFunction', /no Runtime/);
      assert.equal(problem.message, 'HelloFunction: no Runtime (set Runtime on the function or in Globals.Function, e.g. Runtime: nodejs20.x)');
    });

    it('no Handler', () => {
      onlyProblem(sam(props('      Runtime: nodejs20.x\n')), 'HelloFunction', /no Handler.*Globals\.Function/);
    });

    it('both missing gives both problems', () => {
      const result = sam(props('      CodeUri: hello/\n'));
      assert.deepEqual(
        result.problems.map((p) => p.message.replace(/ \(.*$/, '')),
        ['HelloFunction: no Handler', 'HelloFunction: no Runtime'],
      );
    });

    it('PackageType Image', () => {
      onlyProblem(sam(props('      PackageType: Image\n      ImageUri: hello:latest\n')), 'HelloFunction', /PackageType Image.*container image/);
    });

    it('InlineCode', () => {
      onlyProblem(
        sam(props("      InlineCode: \"exports.handler = async () => 'hi';\"\n      Handler: index.handler\n      Runtime: nodejs20.x\n")),
        'HelloFunction',
        /InlineCode is not supported locally/,
      );
    });

    it('CodeUri as an S3 object or an s3:// URI', () => {
      onlyProblem(
        sam(props('      CodeUri:\n        Bucket: my-artifacts\n        Key: hello.zip\n      Handler: a.b\n      Runtime: nodejs20.x\n')),
        'HelloFunction',
        /CodeUri points at code in S3/,
      );
      onlyProblem(sam(props('      CodeUri: s3://my-artifacts/hello.zip\n      Handler: a.b\n      Runtime: nodejs20.x\n')), 'HelloFunction', /S3/);
    });

    it('CodeUri pointing at a .jar archive (a .zip is unpacked before it runs)', () => {
      onlyProblem(sam(props('      CodeUri: build/hello.jar\n      Handler: a.b\n      Runtime: java21\n')), 'HelloFunction', /archive \(build\/hello\.jar\)/);
      const zipped = sam(props('      CodeUri: build/hello.zip\n      Handler: a.b\n      Runtime: nodejs20.x\n'));
      assert.deepEqual(zipped.problems, []);
      assert.equal(zipped.functions[0]!.codeArchive, true);
      assert.equal(path.basename(zipped.functions[0]!.codeDir), 'hello.zip');
    });

    it('a Runtime or CodeUri that depends on a parameter without a Default', () => {
      const extra = 'Parameters:\n  Rt: {Type: String}\n  Dir: {Type: String}\n';
      onlyProblem(sam(props('      Handler: a.b\n      Runtime: !Ref Rt\n'), extra), 'HelloFunction', /Runtime depends on \$\{Rt\}/);
      onlyProblem(sam(props('      CodeUri: !Sub "src/${Dir}"\n      Handler: a.b\n      Runtime: nodejs20.x\n'), extra), 'HelloFunction', /CodeUri depends on \$\{Dir\}/);
    });

    it('AWS::Lambda::Function with Code in S3, ZipFile, an image or no Code', () => {
      const lambda = (code: string): ReturnType<typeof parseTemplate> =>
        parseTemplate(
          `Resources:\n  Worker:\n    Type: AWS::Lambda::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs20.x\n${code}`,
          TEMPLATE_FILE,
        );
      onlyProblem(lambda('      Code:\n        S3Bucket: artifacts\n        S3Key: worker.zip\n'), 'Worker', /Code is in S3 \(S3Bucket\/S3Key\)/);
      onlyProblem(lambda('      Code:\n        ZipFile: |\n          exports.handler = async () => 1;\n'), 'Worker', /ZipFile \(inline code\) is not supported locally/);
      onlyProblem(lambda('      Code:\n        ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/w:1\n'), 'Worker', /ImageUri/);
      onlyProblem(lambda(''), 'Worker', /no Code/);
      onlyProblem(lambda('      Code: s3://artifacts/worker.zip\n'), 'Worker', /S3/);
    });

    it('a Timeout, MemorySize or Architectures that makes no sense keeps the function with the default and says so', () => {
      const result = sam(
        props('      Handler: a.b\n      Runtime: nodejs20.x\n      Timeout: !Ref NoDefault\n      MemorySize: lots\n      Architectures: [arm]\n'),
        'Parameters:\n  NoDefault: {Type: Number}\n',
      );
      assert.equal(result.functions.length, 1);
      const [f] = result.functions;
      assert.deepEqual([f.timeoutSeconds, f.memoryMb, f.architecture], [3, 128, 'x86_64']);
      assert.deepEqual(
        result.problems.map((p) => p.message.replace(/ \(.*$/, '')),
        [
          'HelloFunction: Timeout "${NoDefault}" is not a positive number, so 3 seconds is used',
          'HelloFunction: MemorySize "lots" is not a positive number, so 128 MB is used',
          'HelloFunction: Architectures "arm" is neither [x86_64] nor [arm64], so x86_64 is used',
        ],
      );
    });

    it('serverless functions without the SAM Transform', () => {
      const result = parseTemplate(`Resources:\n${props('      Handler: a.b\n      Runtime: nodejs20.x\n')}`, TEMPLATE_FILE);
      assert.equal(result.functions.length, 1);
      assert.equal(result.problems.length, 1);
      assert.equal(result.problems[0].logicalId, undefined);
      assert.match(result.problems[0].message, /no "Transform: AWS::Serverless-2016-10-31" \(add it/);
    });

    it('the rest of the template still reads when one function has a problem', () => {
      const result = sam(`${props('      Handler: a.b\n')}  Good:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: a.b\n      Runtime: nodejs20.x\n`);
      assert.deepEqual(result.functions.map((f) => f.name), ['Good']);
      assert.deepEqual(result.problems.map((p) => p.logicalId), ['HelloFunction']);
    });

    it('syntax errors give the line; documents that are not templates give nothing or one problem; nothing throws', () => {
      const broken = parseTemplate(
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.handler\n     Runtime: nodejs20.x\n",
        TEMPLATE_FILE,
      );
      assert.equal(broken.functions.length, 0);
      assert.equal(broken.problems.length, 1);
      assert.equal(broken.problems[0].line, 7);
      assert.match(broken.problems[0].message, /^YAML syntax error at line 7, column \d+: .+ \(fix the YAML/);

      const badJson = parseTemplate('{\n  "Resources": {\n    "Fn": {\n      "Type" "AWS::Lambda::Function"\n    }\n  }\n}\n', 'x.json');
      assert.equal(badJson.problems.length, 1);
      assert.equal(badJson.problems[0].line, 4);
      assert.match(badJson.problems[0].message, /^JSON syntax error at line 4/);

      assert.deepEqual(parseTemplate('', 'template.yaml'), { functions: [], problems: [] });
      assert.deepEqual(parseTemplate('{"name": "my-app", "version": "1.0.0"}', 'template.json'), { functions: [], problems: [] });
      assert.match(parseTemplate('- a\n- b\n', 'template.yaml').problems[0].message, /not a CloudFormation template/);
      assert.match(parseTemplate("AWSTemplateFormatVersion: '2010-09-09'\n", 'template.yaml').problems[0].message, /no Resources/);
      assert.match(parseTemplate('Resources: [a]\n', 'template.yaml').problems[0].message, /Resources is not a mapping/);
      const self = parseTemplate('a: &a [*a]\nResources: {}\n', 'template.yaml');
      assert.equal(self.functions.length, 0);
    });
  });

  describe('findTemplates and readWorkspaceFunctions', () => {
    let root: string;

    const write = async (relative: string, text: string): Promise<void> => {
      const file = path.join(root, relative);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, text);
    };

    const HELLO = (name: string): string =>
      `AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n  ${name}:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/\n      Handler: app.handler\n      Runtime: nodejs20.x\n`;

    beforeEach(async () => {
      root = await fs.mkdtemp(path.join(os.tmpdir(), 'se-templates-'));
      await write('template.yaml', HELLO('Root'));
      await write('package.json', '{"name": "app", "dependencies": {"yaml": "^2.0.0"}}');
      await write('stacks/network.yaml', "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n");
      await write('stacks/config.json', '{"stage": "dev"}');
      await write('stacks/notes.txt', 'AWSTemplateFormatVersion');
      await write('services/orders/api.template.json', '{"Resources": {}}');
      await write('services/orders/infra.yml', 'Transform: AWS::Serverless-2016-10-31\nResources: {}\n');
      await write('services/orders/deep/stack.yaml', "AWSTemplateFormatVersion: '2010-09-09'\n");
      await write('services/orders/deep/deeper/template.yml', HELLO('Deep'));
      await write('services/orders/template.yaml.bak', HELLO('Backup'));
      for (const skipped of ['node_modules/some-pkg', '.aws-sam/build', 'cdk.out', 'dist', 'out', '.vscode-test', '.git', '.hidden', 'services/node_modules/x']) {
        await write(`${skipped}/template.yaml`, HELLO('Copy'));
        await write(`${skipped}/stack.yaml`, "AWSTemplateFormatVersion: '2010-09-09'\n");
      }
      await write('cdk.out/OrdersStack.template.json', '{"Resources": {}}');
    });

    afterEach(async () => {
      await fs.rm(root, { recursive: true, force: true });
    });

    it('finds named templates anywhere and marked ones up to two levels down, skipping build, dependency and hidden folders, sorted', async () => {
      assert.deepEqual(
        await findTemplates(root),
        [
          'services/orders/api.template.json',
          'services/orders/deep/deeper/template.yml',
          'services/orders/infra.yml',
          'stacks/network.yaml',
          'template.yaml',
        ].map((relative) => path.join(root, relative)),
      );
    });

    it('finds nothing in a missing folder, and stops when aborted', async () => {
      assert.deepEqual(await findTemplates(path.join(root, 'missing')), []);
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(findTemplates(root, controller.signal), { name: 'AbortError' });
    });

    it('reads every template; a syntax error becomes a problem with its file and line', async () => {
      await write('broken/template.yaml', "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Fn:\n    Type: [AWS::Serverless::Function\n");
      await write('services/orders/deep/deeper/template.yml', `${HELLO('Deep')}      Timeout: 900\n      Environment:\n        Variables:\n          ARN: !GetAtt Deep.Arn\n`);
      const { functions, problems } = await readWorkspaceFunctions(root);
      assert.deepEqual(
        functions.map((f) => [f.name, f.codeDir, f.timeoutSeconds, f.environment, f.origin?.file]),
        [
          ['Deep', path.join(root, 'services/orders/deep/deeper/src'), 900, { ARN: '${Deep.Arn}' }, path.join(root, 'services/orders/deep/deeper/template.yml')],
          ['Root', path.join(root, 'src'), 3, {}, path.join(root, 'template.yaml')],
        ],
      );
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0].file, path.join(root, 'broken/template.yaml'));
      assert.equal(problems[0].line, 5);
      assert.match(problems[0].message, /^YAML syntax error at line 5/);
    });
  });
});
