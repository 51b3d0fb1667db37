// Aurora PostgreSQL Serverless v2 behind RDS Proxy. Lambdas reach the proxy with IAM auth (a
// 15-minute token per connection, see functions/src/db/connection.ts): no database password
// ever leaves Secrets Manager, where only the proxy and the rotation function read it.
//
// One database user: the cluster's owner, whose secret the proxy holds. The migrate function
// needs its rights (extensions, DDL); a separate DML-only role for the API functions would need a
// second secret registered with the proxy and a bootstrap step that creates the role.
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';
import type { Network } from './network';

export const DB_NAME = 'pivotal';
export const DB_OWNER = 'pivotal_owner';
const POSTGRES_PORT = 5432;

export class Database extends Construct {
  readonly cluster: rds.DatabaseCluster;
  readonly proxy: rds.DatabaseProxy;
  readonly name = DB_NAME;
  readonly user = DB_OWNER;
  readonly port = POSTGRES_PORT;

  constructor(scope: Construct, id: string, props: { network: Network }) {
    super(scope, id);
    const { vpc } = props.network;

    this.cluster = new rds.DatabaseCluster(this, 'Cluster', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_8 }),
      writer: rds.ClusterInstance.serverlessV2('Writer', { autoMinorVersionUpgrade: true }),
      // Half an ACU idles at ~45 USD/month; a reader in the other AZ (another half ACU minimum)
      // buys a fast failover and can be added here when the product needs it.
      serverlessV2MinCapacity: 0.5,
      serverlessV2MaxCapacity: 8,
      credentials: rds.Credentials.fromGeneratedSecret(DB_OWNER),
      defaultDatabaseName: DB_NAME,
      vpc,
      vpcSubnets: props.network.dataSubnets,
      storageEncrypted: true,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      iamAuthentication: true,
      backup: { retention: Duration.days(14), preferredWindow: '03:00-04:00' },
      preferredMaintenanceWindow: 'sun:04:30-sun:05:30',
      cloudwatchLogsExports: ['postgresql'],
      cloudwatchLogsRetention: logs.RetentionDays.ONE_MONTH,
      copyTagsToSnapshot: true,
      port: POSTGRES_PORT,
    });
    this.cluster.addRotationSingleUser({ automaticallyAfter: Duration.days(30), vpcSubnets: props.network.appSubnets });

    const proxySecurityGroup = new ec2.SecurityGroup(this, 'ProxySecurityGroup', {
      vpc,
      description: 'RDS Proxy: reached by the Lambdas, reaches Aurora',
      allowAllOutbound: false,
    });
    this.proxy = this.cluster.addProxy('Proxy', {
      vpc,
      vpcSubnets: props.network.dataSubnets,
      secrets: [this.cluster.secret!],
      iamAuth: true,
      requireTLS: true,
      securityGroups: [proxySecurityGroup],
      idleClientTimeout: Duration.minutes(15),
      borrowTimeout: Duration.seconds(30),
    });
    this.cluster.connections.allowDefaultPortFrom(proxySecurityGroup, 'RDS Proxy to Aurora');
    proxySecurityGroup.connections.allowTo(this.cluster, ec2.Port.tcp(POSTGRES_PORT), 'RDS Proxy to Aurora');

    Validations.of(this.cluster).acknowledge({
      id: 'AwsSolutions-RDS11',
      reason: 'Clients reach the database only through RDS Proxy, which listens on 5432 whatever the cluster port; the cluster sits in isolated subnets behind a security group open to the proxy alone.',
    });
  }

  /** Lets a Lambda open IAM-authenticated connections through the proxy as the database user. */
  grantConnect(fn: ec2.IConnectable & iam.IGrantable): void {
    this.proxy.connections.allowFrom(fn, ec2.Port.tcp(POSTGRES_PORT), 'Lambda to RDS Proxy');
    this.proxy.grantConnect(fn, this.user);
  }
}
