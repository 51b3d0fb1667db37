// The HTTP API: one Lambda per API module (functions/src/modules/index.ts) and the gateway routes
// that serve each `METHOD path` of the module's route table (`planGatewayRoutes`: exact routes, or
// one greedy route for a prefix only that module serves); `$default` goes to the first module,
// which answers unknown paths with a 404 problem.
//
// Authorizers. An HTTP API JWT authorizer trusts exactly one issuer, and we have two user pools.
// So a route whose roles (those its capability names in the access policy) are all staff roles
// gets the staff pool's authorizer, a route for client users only gets the portal pool's, and
// routes open to both kinds of user ('authenticated', or a mix of staff and client roles) get
// none at the gateway. The gateway
// check is an early, cheap rejection of tokens that could never pass; the Lambda always verifies
// the token itself (aws-jwt-verify, both pools) and re-reads the user's roles, so no route relies
// on the gateway for its authorization. Public routes are public at both layers.
import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { CLIENT_ROLES, STAFF_ROLES } from '@shared/roles';
import { routeRoles, type ApiModule, type RouteRoles } from '../../../functions/src/http/route';
import type { PoolWithClient } from './user-pools';

export type GatewayAuthorizer = 'staff' | 'portal' | 'none';

/** Which pool's authorizer (if any) the gateway puts in front of a route with these roles. */
export function gatewayAuthorizerFor(roles: RouteRoles): GatewayAuthorizer {
  if (roles === 'public' || roles === 'authenticated' || roles.length === 0) return 'none';
  const staff = new Set<string>(STAFF_ROLES);
  const client = new Set<string>(CLIENT_ROLES);
  if (roles.every((r) => staff.has(r))) return 'staff';
  if (roles.every((r) => client.has(r))) return 'portal';
  return 'none';
}

/** One route of the gateway: an exact `METHOD path` of a route table, or `ANY <prefix>/{proxy+}` serving a prefix. */
export interface GatewayRoute {
  method: string;
  path: string;
  module: string;
  authorizer: GatewayAuthorizer;
}

/** `/api/leads/{id}/transition` → `/api/leads`: the prefix a greedy route may serve. */
const prefixOf = (path: string) => path.split('/').slice(0, 3).join('/');

/**
 * The gateway's routes for the modules' route tables. A stack holds at most 500 resources and a
 * route each would spend half of them, so where one module alone declares every route under a
 * prefix (`/api/leads`), the routes of its commonest authorizer there share one greedy route
 * `ANY /api/leads/{proxy+}`; the prefix itself and routes with another authorizer (a public
 * webhook) keep exact routes, which API Gateway matches before a greedy one. The module's router
 * still matches every path and method itself (unknown ones answer 404 or 405 problems).
 */
export function planGatewayRoutes(modules: readonly ApiModule[]): GatewayRoute[] {
  const owners = new Map<string, Set<string>>();
  for (const module of modules) {
    for (const route of module.routes) {
      const prefix = prefixOf(route.path);
      owners.set(prefix, (owners.get(prefix) ?? new Set()).add(module.name));
    }
  }
  const plan: GatewayRoute[] = [];
  for (const module of modules) {
    const byPrefix = new Map<string, { method: string; path: string; authorizer: GatewayAuthorizer }[]>();
    for (const route of module.routes) {
      const prefix = prefixOf(route.path);
      byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), { method: route.method, path: route.path, authorizer: gatewayAuthorizerFor(routeRoles(route)) }]);
    }
    for (const [prefix, routes] of byPrefix) {
      const below = routes.filter((r) => r.path !== prefix);
      const counts = new Map<GatewayAuthorizer, number>();
      for (const r of below) counts.set(r.authorizer, (counts.get(r.authorizer) ?? 0) + 1);
      const [shared, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['none', 0];
      const greedy = owners.get(prefix)!.size === 1 && count >= 3;
      if (greedy) plan.push({ method: 'ANY', path: `${prefix}/{proxy+}`, module: module.name, authorizer: shared });
      for (const r of routes) {
        if (greedy && r.path !== prefix && r.authorizer === shared) continue;
        plan.push({ method: r.method, path: r.path, module: module.name, authorizer: r.authorizer });
      }
    }
  }
  return plan;
}

/** The gateway route of `plan` that serves `METHOD path` of a route table. */
export function servingRoute(plan: readonly GatewayRoute[], method: string, path: string): GatewayRoute | undefined {
  return (
    plan.find((r) => r.method === method && r.path === path) ??
    plan.find((r) => r.method === 'ANY' && r.path.endsWith('/{proxy+}') && path.startsWith(`${r.path.slice(0, -'{proxy+}'.length)}`))
  );
}

export interface ModuleApiProps {
  modules: readonly ApiModule[];
  /** Builds the Lambda of a module (entry functions/src/handlers/<module>.ts). */
  createFunction(scope: Construct, module: ApiModule): lambda.IFunction;
  pools: { staff: PoolWithClient; portal: PoolWithClient };
  /** Steady-state requests per second and burst for the whole stage. */
  throttle?: { rateLimit: number; burstLimit: number };
}

const pascal = (name: string) => name.replace(/(^|[-_])(\w)/g, (_, __, c: string) => c.toUpperCase());

export class ModuleApi extends Construct {
  readonly httpApi: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly functions = new Map<string, lambda.IFunction>();

  constructor(scope: Construct, id: string, props: ModuleApiProps) {
    super(scope, id);
    if (!props.modules.length) throw new Error('ModuleApi needs at least one module (the first answers unknown paths).');

    const integrations = new Map<string, HttpLambdaIntegration>();
    for (const module of props.modules) {
      const fn = props.createFunction(this, module);
      this.functions.set(module.name, fn);
      // One invoke permission per module's function for the whole API, not one per route: a stack holds
      // at most 500 resources, and a route each of its own would spend them.
      integrations.set(module.name, new HttpLambdaIntegration(`${pascal(module.name)}Integration`, fn, { scopePermissionToRoute: false }));
    }

    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: 'Pivotal CRM API',
      createDefaultStage: false,
      defaultIntegration: integrations.get(props.modules[0]!.name)!,
    });

    const authorizers: Record<Exclude<GatewayAuthorizer, 'none'>, HttpUserPoolAuthorizer> = {
      staff: new HttpUserPoolAuthorizer('StaffAuthorizer', props.pools.staff.pool, { userPoolClients: [props.pools.staff.client] }),
      portal: new HttpUserPoolAuthorizer('PortalAuthorizer', props.pools.portal.pool, { userPoolClients: [props.pools.portal.client] }),
    };

    for (const route of planGatewayRoutes(props.modules)) {
      const kind = route.authorizer;
      const [created] = this.httpApi.addRoutes({
        path: route.path,
        methods: [route.method as apigwv2.HttpMethod],
        integration: integrations.get(route.module)!,
        ...(kind === 'none' ? {} : { authorizer: authorizers[kind] }),
      });
      if (kind === 'none') {
        const declared = props.modules.find((m) => m.name === route.module)!.routes.find((r) => r.method === route.method && r.path === route.path);
        Validations.of(created!).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            declared?.access === 'public'
              ? `${route.method} ${route.path} is public by design (${declared.summary}); it verifies its caller another way or is harmless.`
              : `${route.method} ${route.path} is open to users of both pools; its Lambda verifies the token against both and checks the roles.`,
        });
      }
    }
    const defaultRoute = this.httpApi.node.tryFindChild('DefaultRoute');
    if (defaultRoute) {
      Validations.of(defaultRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: 'The $default route only answers 404 problems for paths no module declares.',
      });
    }

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    this.stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 200, burstLimit: 400 },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latency: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });
  }

  /** The API's host name, for CloudFront's origin. */
  get domainName(): string {
    return `${this.httpApi.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`;
  }
}
