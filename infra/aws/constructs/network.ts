// The VPC: public subnets (only the NAT gateway lives there), private subnets with egress for the
// Lambdas, isolated subnets for Aurora and RDS Proxy. Two AZs, because Aurora wants subnets in two.
//
// Egress costs: the Lambdas call Telnyx, OpenAI and AssemblyAI on the internet, so some NAT is
// unavoidable. One NAT gateway (~32 USD/month + data) is shared by both AZs; interface endpoints
// for the AWS APIs we call (SES, Cognito, Step Functions, Secrets Manager, …) would cost ~7 USD
// per endpoint per AZ each and still leave the vendors needing NAT. S3 and DynamoDB, the
// high-volume ones, get free gateway endpoints so their traffic never crosses the NAT. An AZ
// outage takes egress down with the NAT's AZ; give `natGateways: 2` if that matters more than cost.
import { RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export const SUBNETS = {
  public: 'public',
  app: 'app',
  data: 'data',
} as const;

export class Network extends Construct {
  readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 1,
      subnetConfiguration: [
        { name: SUBNETS.public, subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: SUBNETS.app, subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
        { name: SUBNETS.data, subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      gatewayEndpoints: {
        S3: { service: ec2.GatewayVpcEndpointAwsService.S3 },
        DynamoDB: { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB },
      },
    });
    const flowLogs = new logs.LogGroup(this, 'FlowLogs', { retention: logs.RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    this.vpc.addFlowLog('FlowLog', {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs),
      // Rejected traffic is what an investigation needs; accepted traffic would multiply the log bill.
      trafficType: ec2.FlowLogTrafficType.REJECT,
    });
  }

  get appSubnets(): ec2.SubnetSelection {
    return { subnetGroupName: SUBNETS.app };
  }

  get dataSubnets(): ec2.SubnetSelection {
    return { subnetGroupName: SUBNETS.data };
  }
}
