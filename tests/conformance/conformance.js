'use strict';
// Drives the AcrReach local cloud through Alibaba Cloud's official Node SDKs, unchanged, and checks what comes back.
// Input (environment): LOCAL_CLOUD_ENDPOINT (http://127.0.0.1:PORT), LOCAL_CLOUD_ACCESS_KEY_ID,
// LOCAL_CLOUD_ACCESS_KEY_SECRET, LOCAL_CLOUD_QUEUE, LOCAL_CLOUD_ACCOUNT_ID. The local cloud must be seeded from
// scenario.json beside this file. Output: one JSON line per case {"case","ok","ms"[,"error"]}, then a summary line.
// Run: `npm ci` once, then `node conformance.js` (or `dotnet test tests/AcrReach.Conformance.Tests`, which does both).

const assert = require('node:assert/strict');
const Vpc = require('@alicloud/vpc20160428');
const Fc = require('@alicloud/fc20230330');
const http = require('node:http');
const { Readable } = require('node:stream');
const { $OpenApiUtil } = require('@alicloud/openapi-core');
const OpenApi = require('@alicloud/openapi-client');
const OpenApiUtil = require('@alicloud/openapi-util').default;
const { RuntimeOptions } = require('@alicloud/tea-util');
const RPCClient = require('@alicloud/pop-core').RPCClient;
const MNSClient = require('@alicloud/mns');
const Sts = require('@alicloud/sts20150401');

const endpoint = (process.env.LOCAL_CLOUD_ENDPOINT || 'http://127.0.0.1:8080').replace(/\/$/, '');
const host = new URL(endpoint).host;
const accessKeyId = process.env.LOCAL_CLOUD_ACCESS_KEY_ID || 'local-access-key-id';
const accessKeySecret = process.env.LOCAL_CLOUD_ACCESS_KEY_SECRET || 'local-access-key-secret';
const queueName = process.env.LOCAL_CLOUD_QUEUE || 'acr-reach-results';
const accountId = process.env.LOCAL_CLOUD_ACCOUNT_ID || '1234567890123456';
const only = process.env.CONFORMANCE_ONLY ? new RegExp(process.env.CONFORMANCE_ONLY) : null;
// --list prints the case names without calling anything (the xunit wrapper discovers its tests this way).
const listing = process.argv.includes('--list');

const counts = { passed: 0, failed: 0 };

async function check(name, body) {
  if (only && !only.test(name)) {
    return;
  }
  if (listing) {
    emit({ case: name });
    return;
  }
  const started = Date.now();
  try {
    await body();
    counts.passed++;
    emit({ case: name, ok: true, ms: Date.now() - started });
  } catch (e) {
    counts.failed++;
    emit({ case: name, ok: false, ms: Date.now() - started, error: String((e && e.stack) || e) });
  }
}

function emit(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(probe, what, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await sleep(50);
  }
}

async function control(method, path, body) {
  const response = await fetch(`${endpoint}/_local/${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

async function state() {
  return (await control('GET', 'state')).json;
}

async function expectError(promise, code, status) {
  try {
    await promise;
  } catch (e) {
    assert.equal(e.code, code, `expected ${code}, got ${e.code}: ${e.message}`);
    if (status !== undefined) {
      assert.equal(e.statusCode ?? e.data?.statusCode, status, `HTTP status of ${code}`);
    }
    return e;
  }
  throw new Error(`expected ${code}, but the call succeeded`);
}

// ---- clients, as a person would configure them ----

function vpcClient(secret = accessKeySecret, extra = {}) {
  return new Vpc.default(new $OpenApiUtil.Config({
    accessKeyId, accessKeySecret: secret, endpoint: host, protocol: 'http', regionId: 'cn-hangzhou', ...extra,
  }));
}

function openApiClient(signatureAlgorithm, secret = accessKeySecret) {
  return new OpenApi.default(new OpenApi.Config({
    accessKeyId, accessKeySecret: secret, endpoint: host, protocol: 'http', signatureAlgorithm,
  }));
}

const acs3 = openApiClient(undefined);
const rpc = openApiClient('v2');

async function call(client, version, action, parameters, { method = 'POST', inBody = false } = {}) {
  const params = new OpenApi.Params({
    action, version, protocol: 'HTTP', pathname: '/', method, authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
  });
  const flattened = OpenApiUtil.query(parameters);
  const request = new OpenApi.OpenApiRequest(inBody ? { body: flattened } : { query: flattened });
  return (await client.callApi(params, request, new RuntimeOptions({}))).body;
}

const CBN = '2017-09-12';
const CR = '2018-12-01';
const PVTZ = '2018-01-01';

function popCore(apiVersion, secret = accessKeySecret) {
  return new RPCClient({ accessKeyId, accessKeySecret: secret, endpoint, apiVersion });
}

function mnsClient(secret = accessKeySecret) {
  return new MNSClient(accountId, { accessKeyId, accessKeySecret: secret, endpoint });
}

// ---- VPC 2016-04-28 through @alicloud/vpc20160428 (ACS3-HMAC-SHA256) ----

async function vpcCases() {
  const vpc = vpcClient();

  await check('vpc.DescribeVpcs answers Vpcs.Vpc[] with secondary blocks and the acr-reach tag', async () => {
    const body = (await vpc.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-shanghai' }))).body;
    assert.ok(body.requestId);
    assert.equal(body.totalCount, 1);
    const sh2 = body.vpcs.vpc[0];
    assert.equal(sh2.vpcId, 'vpc-sh2');
    assert.equal(sh2.cidrBlock, '172.16.0.0/16');
    assert.equal(sh2.cenStatus, 'Attached');
    assert.deepEqual(sh2.tags.tag.map((t) => [t.key, t.value]), [['acr-reach', 'cri-xxxxxx']]);
    const hz = (await vpc.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou' }))).body.vpcs.vpc[0];
    assert.deepEqual(hz.secondaryCidrBlocks.secondaryCidrBlock, ['10.94.0.0/16']);
    assert.deepEqual(hz.vSwitchIds.vSwitchId, ['vsw-hz-j', 'vsw-hz-k', 'vsw-hz-cr']);
  });

  await check('vpc.DescribeVpcs pages with PageNumber/PageSize and refuses PageSize above 50', async () => {
    const first = (await vpc.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou', pageSize: 1, pageNumber: 1 }))).body;
    assert.equal(first.pageSize, 1);
    assert.equal(first.vpcs.vpc.length, 1);
    assert.equal(first.totalCount, 2);
    const second = (await vpc.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou', pageSize: 1, pageNumber: 2 }))).body;
    assert.equal(second.vpcs.vpc[0].vpcId, 'vpc-hz3');
    const beyond = (await vpc.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou', pageSize: 1, pageNumber: 3 }))).body;
    assert.equal(beyond.vpcs.vpc.length, 0);
    await expectError(vpc.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou', pageSize: 51 })), 'InvalidParameter', 400);
  });

  await check('vpc.DescribeVSwitches answers VSwitches.VSwitch[] with the route table, paged', async () => {
    const page1 = (await vpc.describeVSwitches(new Vpc.DescribeVSwitchesRequest({ regionId: 'cn-hangzhou', vpcId: 'vpc-hz1', pageSize: 2 }))).body;
    assert.equal(page1.totalCount, 3);
    assert.deepEqual(page1.vSwitches.vSwitch.map((s) => s.vSwitchId), ['vsw-hz-j', 'vsw-hz-k']);
    assert.equal(page1.vSwitches.vSwitch[0].routeTable.routeTableId, 'vtb-hz1');
    assert.equal(page1.vSwitches.vSwitch[0].zoneId, 'cn-hangzhou-j');
    const page2 = (await vpc.describeVSwitches(new Vpc.DescribeVSwitchesRequest({ regionId: 'cn-hangzhou', vpcId: 'vpc-hz1', pageSize: 2, pageNumber: 2 }))).body;
    assert.deepEqual(page2.vSwitches.vSwitch.map((s) => s.cidrBlock), ['10.94.205.0/24']);
  });

  await check('vpc.DescribeRouteTableList answers RouterTableList.RouterTableListType[]', async () => {
    const body = (await vpc.describeRouteTableList(new Vpc.DescribeRouteTableListRequest({ regionId: 'cn-shanghai', vpcId: 'vpc-sh2' }))).body;
    const table = body.routerTableList.routerTableListType[0];
    assert.equal(table.routeTableId, 'vtb-sh2');
    assert.equal(table.routeTableType, 'System');
    assert.equal(table.vpcId, 'vpc-sh2');
    assert.deepEqual(table.vSwitchIds.vSwitchId, ['vsw-sh-m', 'vsw-sh-n']);
  });

  await check('vpc.DescribeRouteEntryList pages with NextToken/MaxResult and answers RouteEntrys.RouteEntry[].NextHops', async () => {
    const seen = [];
    let token;
    let pages = 0;
    do {
      const body = (await vpc.describeRouteEntryList(new Vpc.DescribeRouteEntryListRequest({ regionId: 'cn-shanghai', routeTableId: 'vtb-sh2', maxResult: 2, nextToken: token }))).body;
      seen.push(...body.routeEntrys.routeEntry);
      token = body.nextToken;
      pages++;
    } while (token);
    assert.equal(pages, 3);
    assert.deepEqual(seen.map((e) => e.destinationCidrBlock), ['172.16.0.0/24', '172.16.1.0/24', '100.64.0.0/10', '10.0.0.0/8', '192.168.0.0/16']);
    const toTr = seen.find((e) => e.destinationCidrBlock === '10.0.0.0/8');
    assert.equal(toTr.type, 'Custom');
    assert.equal(toTr.status, 'Available');
    assert.deepEqual([toTr.nextHops.nextHop[0].nextHopType, toTr.nextHops.nextHop[0].nextHopId], ['Attachment', 'tr-attach-sh2']);
    assert.equal(seen[0].type, 'System');
  });

  let created;
  await check('vpc.CreateRouteEntry answers RouteEntryId; the entry goes Pending then Available and keeps its name', async () => {
    const body = (await vpc.createRouteEntry(new Vpc.CreateRouteEntryRequest({
      regionId: 'cn-shanghai', routeTableId: 'vtb-sh2', destinationCidrBlock: '100.103.7.181/32', nextHopType: 'Attachment', nextHopId: 'tr-attach-sh2',
      routeEntryName: 'acr-reach', description: 'acr-reach: auth for cri-xxxxxx', clientToken: 'conformance-token-1',
    }))).body;
    assert.match(body.routeEntryId, /^rte-[0-9a-z]{20}$/);
    created = body.routeEntryId;
    const list = async () => (await vpc.describeRouteEntryList(new Vpc.DescribeRouteEntryListRequest({ regionId: 'cn-shanghai', routeTableId: 'vtb-sh2', routeEntryId: created }))).body.routeEntrys.routeEntry[0];
    const first = await list();
    assert.equal(first.status, 'Pending');
    assert.equal(first.routeEntryName, 'acr-reach');
    assert.equal(first.description, 'acr-reach: auth for cri-xxxxxx');
    await eventually(async () => (await list()).status === 'Available', 'the route to turn Available');
  });

  await check('vpc.CreateRouteEntry with the same ClientToken and parameters answers the same RouteEntryId and adds nothing', async () => {
    const again = (await vpc.createRouteEntry(new Vpc.CreateRouteEntryRequest({
      regionId: 'cn-shanghai', routeTableId: 'vtb-sh2', destinationCidrBlock: '100.103.7.181/32', nextHopType: 'Attachment', nextHopId: 'tr-attach-sh2',
      routeEntryName: 'acr-reach', description: 'acr-reach: auth for cri-xxxxxx', clientToken: 'conformance-token-1',
    }))).body;
    assert.equal(again.routeEntryId, created);
    const entries = (await state()).vpcs.find((v) => v.id === 'vpc-sh2').routeTables[0].entries.filter((e) => e.destination === '100.103.7.181/32');
    assert.equal(entries.length, 1);
  });

  await check('vpc.CreateRouteEntry of an existing destination is InvalidCIDRBlock.Duplicate', async () => {
    await expectError(vpc.createRouteEntry(new Vpc.CreateRouteEntryRequest({
      regionId: 'cn-shanghai', routeTableId: 'vtb-sh2', destinationCidrBlock: '100.103.7.181/32', nextHopType: 'Attachment', nextHopId: 'tr-attach-sh2',
    })), 'InvalidCIDRBlock.Duplicate', 400);
  });

  await check('vpc.CreateRouteEntry while a route of the table is Pending is IncorrectRouteEntryStatus, and changes nothing', async () => {
    await vpc.createRouteEntry(new Vpc.CreateRouteEntryRequest({
      regionId: 'cn-shanghai', routeTableId: 'vtb-sh2', destinationCidrBlock: '100.118.28.43/32', nextHopType: 'Attachment', nextHopId: 'tr-attach-sh2',
    }));
    await expectError(vpc.createRouteEntry(new Vpc.CreateRouteEntryRequest({
      regionId: 'cn-shanghai', routeTableId: 'vtb-sh2', destinationCidrBlock: '100.118.28.44/32', nextHopType: 'Attachment', nextHopId: 'tr-attach-sh2',
    })), 'IncorrectRouteEntryStatus', 400);
    const destinations = (await state()).vpcs.find((v) => v.id === 'vpc-sh2').routeTables[0].entries.map((e) => e.destination);
    assert.ok(!destinations.includes('100.118.28.44/32'));
    await eventually(async () => {
      const entries = (await vpc.describeRouteEntryList(new Vpc.DescribeRouteEntryListRequest({ regionId: 'cn-shanghai', routeTableId: 'vtb-sh2', destinationCidrBlock: '100.118.28.43/32' }))).body.routeEntrys.routeEntry;
      return entries[0].status === 'Available';
    }, 'the second route to settle');
  });

  await check('vpc.CreateRouteEntry to an unknown route table is InvalidRouteTableId.NotFound (404)', async () => {
    await expectError(vpc.createRouteEntry(new Vpc.CreateRouteEntryRequest({
      regionId: 'cn-shanghai', routeTableId: 'vtb-nope', destinationCidrBlock: '10.1.0.0/16', nextHopType: 'Attachment', nextHopId: 'tr-attach-sh2',
    })), 'InvalidRouteTableId.NotFound', 404);
  });

  await check('vpc.CreateRouteEntry signed with a wrong secret is SignatureDoesNotMatch and changes nothing', async () => {
    const before = JSON.stringify(await state());
    await expectError(vpcClient('not-the-secret').createRouteEntry(new Vpc.CreateRouteEntryRequest({
      regionId: 'cn-shanghai', routeTableId: 'vtb-sh2', destinationCidrBlock: '10.200.0.0/16', nextHopType: 'Attachment', nextHopId: 'tr-attach-sh2',
    })), 'SignatureDoesNotMatch', 400);
    assert.equal(JSON.stringify(await state()), before);
  });

  await check('vpc.DescribeVpcs with an STS security token is accepted (x-acs-security-token signed)', async () => {
    const sts = vpcClient(accessKeySecret, { securityToken: 'CAIS-conformance-token==' });
    const body = (await sts.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou' }))).body;
    assert.equal(body.vpcs.vpc[0].vpcId, 'vpc-hz1');
  });

  await check('vpc.DescribeVpcs with an unknown access key is InvalidAccessKeyId.NotFound (404)', async () => {
    const stranger = new Vpc.default(new $OpenApiUtil.Config({ accessKeyId: 'someone-else', accessKeySecret, endpoint: host, protocol: 'http', regionId: 'cn-hangzhou' }));
    await expectError(stranger.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou' })), 'InvalidAccessKeyId.NotFound', 404);
  });

  await check('vpc.DeleteRouteEntry by id: the entry goes Deleting, then is gone', async () => {
    await vpc.deleteRouteEntry(new Vpc.DeleteRouteEntryRequest({ regionId: 'cn-shanghai', routeEntryId: created }));
    const list = async () => (await vpc.describeRouteEntryList(new Vpc.DescribeRouteEntryListRequest({ regionId: 'cn-shanghai', routeTableId: 'vtb-sh2', routeEntryId: created }))).body.routeEntrys.routeEntry;
    const during = await list();
    assert.ok(during.length === 0 || during[0].status === 'Deleting');
    await eventually(async () => (await list()).length === 0, 'the route to disappear');
  });

  await check('vpc SDK reads Throttling.User as a ThrottlingError with the x-acs-retry-after hint', async () => {
    await control('POST', 'faults', { action: 'DescribeRouteTableList', count: 1, code: 'Throttling.User', httpStatus: 400, retryAfterMs: 1500 });
    const e = await expectError(vpc.describeRouteTableList(new Vpc.DescribeRouteTableListRequest({ regionId: 'cn-shanghai' })), 'Throttling.User', 400);
    assert.equal(e.name, 'ThrottlingError');
    assert.equal(e.retryAfter, 1500);
  });

  await check('vpc SDK reads a scripted 503 as a ServerError, and the next call succeeds', async () => {
    await control('POST', 'faults', { action: 'DescribeVSwitches', count: 1, code: 'ServiceUnavailable', httpStatus: 503 });
    const e = await expectError(vpc.describeVSwitches(new Vpc.DescribeVSwitchesRequest({ regionId: 'cn-shanghai' })), 'ServiceUnavailable', 503);
    assert.equal(e.name, 'ServerError');
    const body = (await vpc.describeVSwitches(new Vpc.DescribeVSwitchesRequest({ regionId: 'cn-shanghai' }))).body;
    assert.equal(body.totalCount, 2);
  });

  await check('vpc.DeleteRouteEntry of a system route is OperationDenied', async () => {
    await expectError(vpc.deleteRouteEntry(new Vpc.DeleteRouteEntryRequest({ regionId: 'cn-shanghai', routeTableId: 'vtb-sh2', destinationCidrBlock: '172.16.0.0/24' })), 'OperationDenied', 400);
  });

  // The form AcrReach's applier falls back to when its look found no entry id: table, destination and next hop.
  await check('vpc.DeleteRouteEntry by table, destination and next hop removes only that route; another next hop or a second delete is InvalidRouteEntry.NotFound', async () => {
    const list = async () => (await vpc.describeRouteEntryList(new Vpc.DescribeRouteEntryListRequest({ regionId: 'cn-shanghai', routeTableId: 'vtb-sh2', destinationCidrBlock: '100.120.1.1/32' }))).body.routeEntrys.routeEntry;
    await vpc.createRouteEntry(new Vpc.CreateRouteEntryRequest({
      regionId: 'cn-shanghai', routeTableId: 'vtb-sh2', destinationCidrBlock: '100.120.1.1/32', nextHopType: 'Attachment', nextHopId: 'tr-attach-sh2',
      routeEntryName: 'acr-reach', description: 'acr-reach: oss for cri-xxxxxx', clientToken: 'conformance-token-delete',
    }));
    await eventually(async () => (await list()).some((e) => e.status === 'Available'), 'the route to turn Available');
    const byHop = (nextHopId) => new Vpc.DeleteRouteEntryRequest({ regionId: 'cn-shanghai', routeTableId: 'vtb-sh2', destinationCidrBlock: '100.120.1.1/32', nextHopId });
    await expectError(vpc.deleteRouteEntry(byHop('tr-attach-other')), 'InvalidRouteEntry.NotFound');
    assert.equal((await list()).length, 1);
    const body = (await vpc.deleteRouteEntry(byHop('tr-attach-sh2'))).body;
    assert.ok(body.requestId);
    await eventually(async () => (await list()).length === 0, 'the route to disappear');
    await expectError(vpc.deleteRouteEntry(byHop('tr-attach-sh2')), 'InvalidRouteEntry.NotFound');
    const others = (await vpc.describeRouteEntryList(new Vpc.DescribeRouteEntryListRequest({ regionId: 'cn-shanghai', routeTableId: 'vtb-sh2' }))).body.routeEntrys.routeEntry;
    assert.ok(others.some((e) => e.destinationCidrBlock === '10.0.0.0/8'), 'the other routes stay');
  });

  // The applier writes a VPC's routes in one call: entries of one table checked one by one, the answer naming the
  // refused ones by destination and next hop; the VPC still takes one write at a time.
  await check('vpc.CreateRouteEntries adds the new entry and lists the existing destination in FailedRouteEntries; a second batch while it is Pending is refused whole', async () => {
    const entry = (dstCidrBlock) => new Vpc.CreateRouteEntriesRequestRouteEntries({
      routeTableId: 'vtb-sh2', dstCidrBlock, nextHop: 'tr-attach-sh2', nextHopType: 'Attachment', name: 'acr-reach', description: 'acr-reach: auth for cri-xxxxxx', ipVersion: 4,
    });
    const body = (await vpc.createRouteEntries(new Vpc.CreateRouteEntriesRequest({ regionId: 'cn-shanghai', routeEntries: [entry('10.0.0.0/8'), entry('100.121.1.1/32')] }))).body;
    assert.deepEqual([body.successCount, body.failedCount, body.routeEntryIds.length], [1, 1, 1]);
    assert.match(body.routeEntryIds[0], /^rte-[0-9a-z]{20}$/);
    const failed = body.failedRouteEntries[0];
    assert.deepEqual([failed.dstCidrBlock, failed.nextHop, failed.failedCode], ['10.0.0.0/8', 'tr-attach-sh2', 'VPC_ROUTE_ENTRY_CIDR_BLOCK_DUPLICATE']);
    assert.ok(failed.failedMessage);
    await expectError(vpc.createRouteEntries(new Vpc.CreateRouteEntriesRequest({ regionId: 'cn-shanghai', routeEntries: [entry('100.121.1.2/32')] })), 'IncorrectRouteEntryStatus', 400);
    const list = async () => (await vpc.describeRouteEntryList(new Vpc.DescribeRouteEntryListRequest({ regionId: 'cn-shanghai', routeTableId: 'vtb-sh2', routeEntryId: body.routeEntryIds[0] }))).body.routeEntrys.routeEntry;
    const first = (await list())[0];
    assert.deepEqual([first.destinationCidrBlock, first.status, first.routeEntryName], ['100.121.1.1/32', 'Pending', 'acr-reach']);
    await eventually(async () => (await list())[0].status === 'Available', 'the batch route to turn Available');
    await vpc.deleteRouteEntry(new Vpc.DeleteRouteEntryRequest({ regionId: 'cn-shanghai', routeEntryId: body.routeEntryIds[0] }));
    await eventually(async () => (await list()).length === 0, 'the batch route to disappear');
  });

  // A person takes a VPC's reach away by removing its tag (AcrReach reads tags through DescribeVpcs).
  await check('vpc.TagResources, ListTagResources and UnTagResources on a VPC: TagResources.TagResource[], the tag gone from DescribeVpcs after UnTag', async () => {
    const tagsOf = async () => (await vpc.listTagResources(new Vpc.ListTagResourcesRequest({ regionId: 'cn-hangzhou', resourceType: 'VPC', resourceId: ['vpc-hz3'] }))).body;
    await vpc.tagResources(new Vpc.TagResourcesRequest({
      regionId: 'cn-hangzhou', resourceType: 'VPC', resourceId: ['vpc-hz3'],
      tag: [new Vpc.TagResourcesRequestTag({ key: 'acr-reach', value: 'cri-xxxxxx' }), new Vpc.TagResourcesRequestTag({ key: 'team', value: 'netops' })],
    }));
    const tagged = await tagsOf();
    assert.deepEqual(tagged.tagResources.tagResource.map((t) => [t.resourceId, t.resourceType, t.tagKey, t.tagValue]),
      [['vpc-hz3', 'VPC', 'acr-reach', 'cri-xxxxxx'], ['vpc-hz3', 'VPC', 'team', 'netops']]);
    const filtered = (await vpc.listTagResources(new Vpc.ListTagResourcesRequest({ regionId: 'cn-hangzhou', resourceType: 'VPC', tag: [new Vpc.ListTagResourcesRequestTag({ key: 'acr-reach' })] }))).body;
    assert.ok(filtered.tagResources.tagResource.some((t) => t.resourceId === 'vpc-hz3'));
    const seen = (await vpc.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou', vpcId: 'vpc-hz3' }))).body.vpcs.vpc[0];
    assert.ok(seen.tags.tag.some((t) => t.key === 'acr-reach' && t.value === 'cri-xxxxxx'));

    await vpc.unTagResources(new Vpc.UnTagResourcesRequest({ regionId: 'cn-hangzhou', resourceType: 'VPC', resourceId: ['vpc-hz3'], tagKey: ['acr-reach'] }));
    assert.deepEqual((await tagsOf()).tagResources.tagResource.map((t) => t.tagKey), ['team']);
    const after = (await vpc.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou', vpcId: 'vpc-hz3' }))).body.vpcs.vpc[0];
    assert.ok(!(after.tags.tag || []).some((t) => t.key === 'acr-reach'));

    await vpc.unTagResources(new Vpc.UnTagResourcesRequest({ regionId: 'cn-hangzhou', resourceType: 'VPC', resourceId: ['vpc-hz3'], all: true }));
    assert.deepEqual((await tagsOf()).tagResources?.tagResource ?? [], []);
  });

  await check('vpc.UnTagResources of a resource type other than VPC is refused', async () => {
    await expectError(vpc.unTagResources(new Vpc.UnTagResourcesRequest({ regionId: 'cn-hangzhou', resourceType: 'ROUTETABLE', resourceId: ['vtb-hz3'], tagKey: ['acr-reach'] })), 'InvalidParameter', 400);
  });

  // A person deleting a source VPC: refused while it still has vSwitches or an attachment (the cases share one cloud, so nothing is deleted here).
  await check('vpc.DeleteVpc is refused with DependencyViolation.VSwitch while vSwitches remain, InvalidVpcId.NotFound (404) for an unknown VPC; DeleteVSwitch of an unknown one is refused', async () => {
    await expectError(vpc.deleteVpc(new Vpc.DeleteVpcRequest({ regionId: 'cn-shanghai', vpcId: 'vpc-sh2' })), 'DependencyViolation.VSwitch', 400);
    await expectError(vpc.deleteVpc(new Vpc.DeleteVpcRequest({ regionId: 'cn-shanghai', vpcId: 'vpc-gone' })), 'InvalidVpcId.NotFound', 404);
    await expectError(vpc.deleteVSwitch(new Vpc.DeleteVSwitchRequest({ regionId: 'cn-shanghai', vSwitchId: 'vsw-gone' })), 'InvalidVSwitchId.NotFound', 404);
    const still = (await vpc.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-shanghai', vpcId: 'vpc-sh2' }))).body.vpcs.vpc;
    assert.equal(still.length, 1);
  });
}

// ---- CBN 2017-09-12 through @alicloud/openapi-client callApi (ACS3, and RPC with signatureAlgorithm v2) ----

async function cbnCases() {
  await check('cbn.ListTransitRouters answers a plain TransitRouters[] paged by PageNumber/PageSize', async () => {
    const body = await call(acs3, CBN, 'ListTransitRouters', { CenId: 'cen-1', PageSize: 1 });
    assert.equal(body.TotalCount, 2);
    assert.ok(Array.isArray(body.TransitRouters));
    assert.equal(body.TransitRouters.length, 1);
    assert.equal(body.TransitRouters[0].TransitRouterId, 'tr-hz');
    const second = await call(acs3, CBN, 'ListTransitRouters', { CenId: 'cen-1', PageSize: 1, PageNumber: 2 });
    assert.equal(second.TransitRouters[0].RegionId, 'cn-shanghai');
  });

  await check('cbn.ListTransitRouters over RPC (openapi-client signatureAlgorithm v2, form body)', async () => {
    const body = await call(rpc, CBN, 'ListTransitRouters', { CenId: 'cen-1', RegionId: 'cn-shanghai' }, { inBody: true });
    assert.deepEqual(body.TransitRouters.map((t) => t.TransitRouterId), ['tr-sh']);
  });

  await check('cbn.ListTransitRouterVpcAttachments answers TransitRouterAttachments[] paged by NextToken/MaxResults', async () => {
    const first = await call(acs3, CBN, 'ListTransitRouterVpcAttachments', { RegionId: 'cn-hangzhou', MaxResults: 1 });
    assert.equal(first.TransitRouterAttachments[0].VpcId, 'vpc-hz1');
    assert.equal(first.TransitRouterAttachments[0].ResourceType, 'VPC');
    assert.equal(first.TransitRouterAttachments[0].Status, 'Attached');
    assert.ok(!first.NextToken);
    const all = await call(acs3, CBN, 'ListTransitRouterVpcAttachments', { CenId: 'cen-1', RegionId: 'cn-shanghai' });
    assert.equal(all.TransitRouterAttachments[0].TransitRouterAttachmentId, 'tr-attach-sh2');
  });

  await check('cbn.ListTransitRouterPeerAttachments lists the peer from each side', async () => {
    const body = await call(acs3, CBN, 'ListTransitRouterPeerAttachments', { TransitRouterId: 'tr-hz' });
    assert.equal(body.TransitRouterAttachments[0].TransitRouterAttachmentId, 'tr-attach-peer');
    assert.equal(body.TransitRouterAttachments[0].PeerTransitRouterId, 'tr-sh');
    assert.equal(body.TransitRouterAttachments[0].PeerTransitRouterRegionId, 'cn-shanghai');
  });

  await check('cbn.ListTransitRouterVbrAttachments names the data center and derives a vbr- id', async () => {
    const body = await call(acs3, CBN, 'ListTransitRouterVbrAttachments', { TransitRouterId: 'tr-sh' });
    const vbr = body.TransitRouterAttachments[0];
    assert.match(vbr.VbrId, /^vbr-[0-9a-z]{20}$/);
    assert.equal(vbr.TransitRouterAttachmentName, 'idc-bj');
    assert.equal(vbr.ResourceType, 'VBR');
  });

  await check('cbn.ListTransitRouterVpnAttachments names the data center and derives a vco- id', async () => {
    const body = await call(rpc, CBN, 'ListTransitRouterVpnAttachments', { TransitRouterId: 'tr-hz' });
    assert.match(body.TransitRouterAttachments[0].VpnId, /^vco-[0-9a-z]{20}$/);
    assert.equal(body.TransitRouterAttachments[0].TransitRouterAttachmentName, 'idc-bj');
  });

  await check('cbn.ListTransitRouterRouteTables answers TransitRouterRouteTables[]', async () => {
    const body = await call(acs3, CBN, 'ListTransitRouterRouteTables', { TransitRouterId: 'tr-sh' });
    assert.equal(body.TransitRouterRouteTables[0].TransitRouterRouteTableId, 'vtb-trsh');
    assert.equal(body.TransitRouterRouteTables[0].TransitRouterRouteTableType, 'System');
  });

  await check('cbn.ListTransitRouterRouteTableAssociations answers TransitRouterAssociations[]', async () => {
    const body = await call(acs3, CBN, 'ListTransitRouterRouteTableAssociations', { TransitRouterRouteTableId: 'vtb-trsh' });
    assert.deepEqual(body.TransitRouterAssociations.map((a) => [a.TransitRouterAttachmentId, a.ResourceType]), [['tr-attach-sh2', 'VPC'], ['tr-attach-peer', 'TR'], ['tr-attach-vbr-bj', 'VBR']]);
  });

  await check('cbn.ListTransitRouterRouteEntries pages the propagated routes with NextToken/MaxResults', async () => {
    const first = await call(acs3, CBN, 'ListTransitRouterRouteEntries', { TransitRouterRouteTableId: 'vtb-trsh', MaxResults: 2 });
    assert.equal(first.TransitRouterRouteEntries.length, 2);
    assert.ok(first.NextToken);
    const rest = await call(acs3, CBN, 'ListTransitRouterRouteEntries', { TransitRouterRouteTableId: 'vtb-trsh', MaxResults: 2, NextToken: first.NextToken });
    assert.equal(rest.TransitRouterRouteEntries.length, 1);
    assert.ok(!rest.NextToken);
    assert.equal(first.TransitRouterRouteEntries[0].TransitRouterRouteEntryType, 'Propagated');
  });

  let entryId;
  await check('cbn.CreateTransitRouterRouteEntry goes Creating then Active, hidden from the default list until Active', async () => {
    const created = await call(acs3, CBN, 'CreateTransitRouterRouteEntry', {
      TransitRouterRouteTableId: 'vtb-trhz', TransitRouterRouteEntryDestinationCidrBlock: '100.0.0.0/8', TransitRouterRouteEntryNextHopType: 'Attachment',
      TransitRouterRouteEntryNextHopId: 'tr-attach-hz1', TransitRouterRouteEntryName: 'acr-reach', TransitRouterRouteEntryDescription: 'acr-reach: services', ClientToken: 'conformance-tr-1',
    });
    entryId = created.TransitRouterRouteEntryId;
    assert.match(entryId, /^rte-/);
    const filtered = async (extra) => (await call(acs3, CBN, 'ListTransitRouterRouteEntries', { TransitRouterRouteTableId: 'vtb-trhz', TransitRouterRouteEntryIds: [entryId], ...extra })).TransitRouterRouteEntries;
    assert.equal((await filtered({})).length, 0, 'a Creating entry is not listed without a status filter');
    const all = await filtered({ TransitRouterRouteEntryStatus: 'All' });
    assert.equal(all[0].TransitRouterRouteEntryStatus, 'Creating');
    const active = await eventually(async () => (await filtered({}))[0], 'the TR route to turn Active');
    assert.equal(active.TransitRouterRouteEntryStatus, 'Active');
    assert.equal(active.TransitRouterRouteEntryName, 'acr-reach');
    assert.equal(active.TransitRouterRouteEntryDescription, 'acr-reach: services');
    assert.equal(active.TransitRouterRouteEntryNextHopResourceId, 'vpc-hz1');
  });

  await check('cbn.CreateTransitRouterRouteEntry replayed with its ClientToken answers the same id', async () => {
    const again = await call(acs3, CBN, 'CreateTransitRouterRouteEntry', {
      TransitRouterRouteTableId: 'vtb-trhz', TransitRouterRouteEntryDestinationCidrBlock: '100.0.0.0/8', TransitRouterRouteEntryNextHopType: 'Attachment',
      TransitRouterRouteEntryNextHopId: 'tr-attach-hz1', TransitRouterRouteEntryName: 'acr-reach', TransitRouterRouteEntryDescription: 'acr-reach: services', ClientToken: 'conformance-tr-1',
    });
    assert.equal(again.TransitRouterRouteEntryId, entryId);
  });

  await check('cbn.CreateTransitRouterRouteEntry duplicates: same hop InstanceExist.TransitRouterRouteEntry, other hop OperationFailed.CreateRouteEntryWithSameDestinationCidrBlock', async () => {
    const base = { TransitRouterRouteTableId: 'vtb-trhz', TransitRouterRouteEntryDestinationCidrBlock: '100.0.0.0/8', TransitRouterRouteEntryNextHopType: 'Attachment' };
    await expectError(call(acs3, CBN, 'CreateTransitRouterRouteEntry', { ...base, TransitRouterRouteEntryNextHopId: 'tr-attach-hz1' }), 'InstanceExist.TransitRouterRouteEntry');
    await expectError(call(rpc, CBN, 'CreateTransitRouterRouteEntry', { ...base, TransitRouterRouteEntryNextHopId: 'tr-attach-peer' }), 'OperationFailed.CreateRouteEntryWithSameDestinationCidrBlock');
  });

  await check('cbn.CreateTransitRouterRouteEntry in an unknown table is InvalidTransitRouterRouteTableId.NotFound', async () => {
    await expectError(call(acs3, CBN, 'CreateTransitRouterRouteEntry', {
      TransitRouterRouteTableId: 'vtb-nope', TransitRouterRouteEntryDestinationCidrBlock: '100.0.0.0/8', TransitRouterRouteEntryNextHopType: 'Attachment', TransitRouterRouteEntryNextHopId: 'tr-attach-hz1',
    }), 'InvalidTransitRouterRouteTableId.NotFound');
  });

  await check('cbn.DeleteTransitRouterRouteEntry over RPC removes the static route after Deleting', async () => {
    await call(rpc, CBN, 'DeleteTransitRouterRouteEntry', { TransitRouterRouteEntryId: entryId });
    await eventually(async () => (await call(acs3, CBN, 'ListTransitRouterRouteEntries', { TransitRouterRouteTableId: 'vtb-trhz', TransitRouterRouteEntryStatus: 'All', TransitRouterRouteEntryIds: [entryId] })).TransitRouterRouteEntries.length === 0, 'the TR route to go');
  });

  await check('cbn.CreateTransitRouterRouteEntry with a wrong secret is SignatureDoesNotMatch over ACS3 and RPC, changing nothing', async () => {
    const before = JSON.stringify(await state());
    const params = { TransitRouterRouteTableId: 'vtb-trsh', TransitRouterRouteEntryDestinationCidrBlock: '100.0.0.0/8', TransitRouterRouteEntryNextHopType: 'Attachment', TransitRouterRouteEntryNextHopId: 'tr-attach-peer' };
    await expectError(call(openApiClient(undefined, 'wrong'), CBN, 'CreateTransitRouterRouteEntry', params), 'SignatureDoesNotMatch');
    await expectError(call(openApiClient('v2', 'wrong'), CBN, 'CreateTransitRouterRouteEntry', params), 'SignatureDoesNotMatch');
    assert.equal(JSON.stringify(await state()), before);
  });
}

// ---- CR 2018-12-01 through openapi-client callApi ----

async function crCases() {
  await check('cr.ListInstance answers Instances[] with IsSuccess, paged by PageNo', async () => {
    const body = await call(acs3, CR, 'ListInstance', { RegionId: 'cn-hangzhou', PageNo: 1, PageSize: 10 });
    assert.equal(body.IsSuccess, true);
    assert.equal(body.Code, 'success');
    assert.equal(body.PageNo, 1);
    assert.equal(body.Instances[0].InstanceId, 'cri-xxxxxx');
    assert.equal(body.Instances[0].InstanceStatus, 'RUNNING');
    const empty = await call(acs3, CR, 'ListInstance', { RegionId: 'cn-hangzhou', PageNo: 2, PageSize: 10 });
    assert.equal(empty.Instances.length, 0);
  });

  await check('cr.ListInstanceRegion answers Regions[] with IsSuccess, under both signatures', async () => {
    for (const client of [acs3, rpc]) {
      const body = await call(client, CR, 'ListInstanceRegion', { Lang: 'en-US' });
      assert.equal(body.IsSuccess, true);
      assert.ok(body.Regions.some(r => r.RegionId === 'cn-hangzhou'));
    }
  });

  await check('cr.GetInstance answers the instance; an unknown one is IsSuccess=false on HTTP 200', async () => {
    const body = await call(rpc, CR, 'GetInstance', { InstanceId: 'cri-xxxxxx' });
    assert.equal(body.InstanceName, 'xxxxxx');
    assert.equal(typeof body.CreateTime, 'number');
    const missing = await call(acs3, CR, 'GetInstance', { InstanceId: 'cri-nope' });
    assert.equal(missing.IsSuccess, false);
    assert.equal(missing.Code, 'INSTANCE_NOT_EXIST');
  });

  await check('cr.GetInstanceVpcEndpoint answers Domains[] and LinkedVpcs[]', async () => {
    const body = await call(acs3, CR, 'GetInstanceVpcEndpoint', { InstanceId: 'cri-xxxxxx', ModuleName: 'Registry' });
    assert.deepEqual(body.Domains, ['xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com']);
    assert.deepEqual(body.LinkedVpcs.map((l) => [l.VpcId, l.VswitchId, l.Ip, l.Status]), [['vpc-hz1', 'vsw-hz-cr', '10.94.205.198', 'RUNNING']]);
  });

  await check('cr.CreateInstanceVpcEndpointLinkedVpc links a VPC: CREATING then RUNNING with an address of the vSwitch', async () => {
    const linked = await call(acs3, CR, 'CreateInstanceVpcEndpointLinkedVpc', { InstanceId: 'cri-xxxxxx', VpcId: 'vpc-hz3', VswitchId: 'vsw-hz3-a', ModuleName: 'Registry' });
    assert.equal(linked.IsSuccess, true);
    const link = async () => (await call(acs3, CR, 'GetInstanceVpcEndpoint', { InstanceId: 'cri-xxxxxx', ModuleName: 'Registry' })).LinkedVpcs.find((l) => l.VpcId === 'vpc-hz3');
    assert.equal((await link()).Status, 'CREATING');
    const running = await eventually(async () => ((await link()).Status === 'RUNNING' ? link() : null), 'the link to run');
    assert.match(running.Ip, /^10\.96\.1\.\d+$/);
    const duplicate = await call(acs3, CR, 'CreateInstanceVpcEndpointLinkedVpc', { InstanceId: 'cri-xxxxxx', VpcId: 'vpc-hz3', VswitchId: 'vsw-hz3-a', ModuleName: 'Registry' });
    assert.equal(duplicate.IsSuccess, false);
    const otherRegion = await call(acs3, CR, 'CreateInstanceVpcEndpointLinkedVpc', { InstanceId: 'cri-xxxxxx', VpcId: 'vpc-sh2', VswitchId: 'vsw-sh-m' });
    assert.equal(otherRegion.IsSuccess, false);
    assert.equal(otherRegion.Code, 'VPC_NOT_EXIST');
  });
}

// ---- PrivateZone 2018-01-01 through openapi-client callApi ----

async function pvtzCases() {
  let zoneId;
  await check('pvtz.AddZone answers ZoneId; DescribeZones lists it in Zones.Zone[]', async () => {
    const added = await call(acs3, PVTZ, 'AddZone', { ZoneName: 'cn-hangzhou.cr.aliyuncs.com', ProxyPattern: 'RECORD', ClientToken: 'zone-1' });
    assert.equal(added.Success, true);
    zoneId = added.ZoneId;
    const zones = await call(acs3, PVTZ, 'DescribeZones', { Keyword: 'cr.aliyuncs.com', PageSize: 10 });
    assert.equal(zones.TotalItems, 1);
    assert.equal(zones.Zones.Zone[0].ZoneId, zoneId);
    assert.equal(zones.Zones.Zone[0].ProxyPattern, 'RECORD');
  });

  await check('pvtz.AddZoneRecord answers RecordId; DescribeZoneRecords pages Records.Record[]', async () => {
    const first = await call(acs3, PVTZ, 'AddZoneRecord', { ZoneId: zoneId, Rr: 'xxxxxx-registry-vpc', Type: 'A', Value: '10.94.205.198', Ttl: 60 });
    assert.equal(typeof first.RecordId, 'number');
    await call(rpc, PVTZ, 'AddZoneRecord', { ZoneId: zoneId, Rr: 'dockerauth-vpc', Type: 'A', Value: '100.103.7.181', Remark: 'acr-reach' }, { inBody: true });
    await expectError(call(acs3, PVTZ, 'AddZoneRecord', { ZoneId: zoneId, Rr: 'dockerauth-vpc', Type: 'A', Value: '100.103.7.181' }), 'Record.Invalid.Conflict');
    const page = await call(acs3, PVTZ, 'DescribeZoneRecords', { ZoneId: zoneId, PageSize: 1, PageNumber: 2 });
    assert.equal(page.TotalItems, 2);
    assert.equal(page.TotalPages, 2);
    assert.deepEqual(page.Records.Record.map((r) => [r.Rr, r.Value]), [['dockerauth-vpc', '100.103.7.181']]);
  });

  await check('pvtz.BindZoneVpc replaces the binding set; DescribeZoneInfo shows BindVpcs.Vpc[]', async () => {
    await call(acs3, PVTZ, 'BindZoneVpc', { ZoneId: zoneId, Vpcs: [{ RegionId: 'cn-shanghai', VpcId: 'vpc-sh2' }, { RegionId: 'cn-hangzhou', VpcId: 'vpc-hz1' }] });
    let info = await call(acs3, PVTZ, 'DescribeZoneInfo', { ZoneId: zoneId });
    assert.deepEqual(info.BindVpcs.Vpc.map((v) => v.VpcId), ['vpc-sh2', 'vpc-hz1']);
    await call(rpc, PVTZ, 'BindZoneVpc', { ZoneId: zoneId, Vpcs: [{ RegionId: 'cn-shanghai', VpcId: 'vpc-sh2' }] });
    info = await call(acs3, PVTZ, 'DescribeZoneInfo', { ZoneId: zoneId });
    assert.deepEqual(info.BindVpcs.Vpc.map((v) => v.VpcId), ['vpc-sh2']);
    assert.equal(info.RecordCount, 2);
  });

  await check('pvtz.DescribeZoneInfo of an unknown zone is Zone.Invalid.Id', async () => {
    await expectError(call(acs3, PVTZ, 'DescribeZoneInfo', { ZoneId: 'nope' }), 'Zone.Invalid.Id');
  });
}

// ---- RPC HMAC-SHA1 through @alicloud/pop-core (GET query and POST form body) ----

async function popCoreCases() {
  await check('pop-core.DescribeVpcs over GET with the signature in the query', async () => {
    const body = await popCore('2016-04-28').request('DescribeVpcs', { RegionId: 'cn-shanghai' });
    assert.equal(body.Vpcs.Vpc[0].VpcId, 'vpc-sh2');
    assert.ok(body.RequestId);
  });

  await check('pop-core.ListTransitRouterRouteTables over POST with the parameters in the form body', async () => {
    const body = await popCore(CBN).request('ListTransitRouterRouteTables', { TransitRouterId: 'tr-hz' }, { method: 'POST' });
    assert.equal(body.TransitRouterRouteTables[0].TransitRouterRouteTableId, 'vtb-trhz');
  });

  await check('pop-core.AddZone and GetInstanceVpcEndpoint over POST (a write and a CR read)', async () => {
    const zone = await popCore(PVTZ).request('AddZone', { ZoneName: 'pop-core.example', Remark: 'a~b!c\'d(e) 测试' }, { method: 'POST' });
    assert.ok(zone.ZoneId);
    const endpointBody = await popCore(CR).request('GetInstanceVpcEndpoint', { InstanceId: 'cri-xxxxxx' }, { method: 'POST' });
    assert.equal(endpointBody.IsSuccess, true);
  });

  await check('pop-core with a wrong secret is SignatureDoesNotMatch and adds no zone', async () => {
    const before = (await state()).privateZones?.length ?? 0;
    try {
      await popCore(PVTZ, 'wrong-secret').request('AddZone', { ZoneName: 'should-not-exist.example' }, { method: 'POST' });
      throw new Error('expected SignatureDoesNotMatch');
    } catch (e) {
      assert.equal(e.code, 'SignatureDoesNotMatch');
    }
    assert.equal((await state()).privateZones?.length ?? 0, before);
  });
}

// ---- MNS through @alicloud/mns ----

async function mnsCases() {
  const mns = mnsClient();
  await check('mns.SendMessage answers 201 with MessageId and MessageBodyMD5; the local cloud shows the decoded body', async () => {
    const payload = JSON.stringify({ schemaVersion: 1, runId: 'conformance' });
    const body = Buffer.from(payload, 'utf8').toString('base64');
    const sent = await mns.sendMessage(queueName, { MessageBody: body, DelaySeconds: 0, Priority: 8 });
    assert.equal(sent.code, 201);
    assert.match(sent.body.MessageId, /^[0-9A-F]{32}$/);
    assert.equal(sent.body.MessageBodyMD5, require('node:crypto').createHash('md5').update(body).digest('hex').toUpperCase());
    const seen = (await control('GET', `queues/${queueName}`)).json;
    const last = seen.messages[seen.messages.length - 1];
    assert.equal(last.body, body);
    assert.equal(last.decodedBody, payload);
  });

  await check('mns.ReceiveMessage and GetQueueAttributes answer MNS XML', async () => {
    const received = await mns.receiveMessage(queueName);
    assert.equal(received.code, 200);
    assert.ok(received.body.ReceiptHandle);
    const attributes = await mns.getQueueAttributes(queueName);
    assert.equal(attributes.body.QueueName, queueName);
    await mns.deleteMessage(queueName, received.body.ReceiptHandle);
  });

  await check('mns.SendMessage with a wrong secret is SignatureDoesNotMatch and queues nothing', async () => {
    const before = (await control('GET', `queues/${queueName}`)).json.messages.length;
    await assert.rejects(mnsClient('wrong').sendMessage(queueName, { MessageBody: 'eA==' }), (e) => e.name === 'MNSSignatureDoesNotMatchError');
    assert.equal((await control('GET', `queues/${queueName}`)).json.messages.length, before);
  });

  await check('mns.SendMessage to an unknown queue is QueueNotExist', async () => {
    await assert.rejects(mns.sendMessage('no-such-queue', { MessageBody: 'eA==' }), (e) => e.name === 'MNSQueueNotExistError');
  });
}

// ---- Function Compute 3.0: InvokeFunction (ROA, ACS3 over the path), forwarded to a function host on this machine ----

// A stand-in for a custom-runtime function host: records each POST /invoke and answers x-fc-status 404 for the first
// `failFirst` of them (a function error, which FC's async configuration retries), 200 after, each after `holdMs`;
// `stats.maxRunning` is the most it held at once.
async function functionHost(failFirst = 0, holdMs = 0) {
  const received = [];
  const stats = { running: 0, maxRunning: 0 };
  const server = http.createServer((req, res) => {
    stats.running++;
    stats.maxRunning = Math.max(stats.maxRunning, stats.running);
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const attempt = received.length;
      setTimeout(() => {
        stats.running--;
        res.writeHead(200, { 'x-fc-status': attempt <= failFirst ? '404' : '200', 'content-type': 'application/json' });
        res.end(JSON.stringify({ answeredBy: 'function host', attempt }));
      }, holdMs);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${server.address().port}/`;
  return { received, stats, endpoint, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function registerFunction(name, endpoint, maxAsyncRetryAttempts) {
  const answer = await control('POST', 'functions', { name, endpoint, maxAsyncRetryAttempts });
  assert.equal(answer.status, 201);
}

function fcClient(secret = accessKeySecret) {
  return new Fc.default(new $OpenApiUtil.Config({ accessKeyId, accessKeySecret: secret, endpoint: host, protocol: 'http', regionId: 'cn-hangzhou' }));
}

async function invoke(client, name, type, payload) {
  const request = new Fc.InvokeFunctionRequest({ body: Readable.from(Buffer.from(payload, 'utf8')) });
  const headers = new Fc.InvokeFunctionHeaders({ xFcInvocationType: type });
  const response = await client.invokeFunctionWithOptions(name, request, headers, new RuntimeOptions({}));
  const chunks = [];
  for await (const chunk of response.body) {
    chunks.push(Buffer.from(chunk));
  }
  return { statusCode: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') };
}

async function invocation(requestId) {
  return eventually(async () => {
    const found = (await control('GET', 'invocations')).json.invocations.find((i) => i.requestId === requestId);
    return found && found.status !== 'Running' ? found : null;
  }, `invocation ${requestId} to finish`);
}

async function fcCases() {
  await check('fc.InvokeFunction Async answers 202 with x-fc-request-id and FC delivers the payload to the function host', async () => {
    const host = await functionHost();
    try {
      await registerFunction('conformance-async', host.endpoint, 2);
      const payload = JSON.stringify({ sweepId: 'sweep-conformance', index: 1, count: 1, mode: 'ReportOnly', region: 'cn-hangzhou' });
      const answer = await invoke(fcClient(), 'conformance-async', 'Async', payload);
      assert.equal(answer.statusCode, 202);
      const requestId = answer.headers['x-fc-request-id'];
      assert.ok(requestId, 'x-fc-request-id');
      const done = await invocation(requestId);
      assert.deepEqual([done.status, done.attempts], ['Succeeded', 1]);
      const delivered = host.received[0];
      assert.equal(delivered.path, '/invoke');
      assert.equal(delivered.body, payload);
      assert.equal(delivered.headers['x-fc-request-id'], requestId);
      assert.equal(delivered.headers['x-fc-invocation-type'], 'Async');
      assert.equal(delivered.headers['x-fc-function-name'], 'conformance-async');
    } finally {
      await host.close();
    }
  });

  await check('fc.InvokeFunction Async: a function error is retried up to the async configuration, then given up', async () => {
    const flaky = await functionHost(1);
    const broken = await functionHost(99);
    try {
      await registerFunction('conformance-flaky', flaky.endpoint, 2);
      await registerFunction('conformance-broken', broken.endpoint, 1);
      const retried = await invocation((await invoke(fcClient(), 'conformance-flaky', 'Async', '{}')).headers['x-fc-request-id']);
      const failed = await invocation((await invoke(fcClient(), 'conformance-broken', 'Async', '{}')).headers['x-fc-request-id']);
      assert.deepEqual([retried.status, retried.attempts], ['Succeeded', 2]);
      assert.deepEqual([failed.status, failed.attempts], ['Failed', 2]);
      assert.deepEqual(flaky.received.map((r) => r.headers['x-fc-retry-count']), ['0', '1']);
    } finally {
      await flaky.close();
      await broken.close();
    }
  });

  await check('fc.InvokeFunction Sync answers with the function host\'s own answer', async () => {
    const host = await functionHost();
    try {
      await registerFunction('conformance-sync', host.endpoint, 0);
      const answer = await invoke(fcClient(), 'conformance-sync', 'Sync', '{"ping":true}');
      assert.equal(answer.statusCode, 200);
      assert.deepEqual(JSON.parse(answer.body), { answeredBy: 'function host', attempt: 1 });
    } finally {
      await host.close();
    }
  });

  await check('fc.PutConcurrencyConfig sets a function\'s reserved concurrency and GetConcurrencyConfig answers it', async () => {
    const host = await functionHost();
    try {
      await registerFunction('conformance-capped', host.endpoint, 0);
      await expectError(fcClient().getConcurrencyConfig('conformance-capped'), 'OnDemandConfigNotFound', 404);
      const put = await fcClient().putConcurrencyConfig('conformance-capped', new Fc.PutConcurrencyConfigRequest({ body: new Fc.PutConcurrencyInput({ reservedConcurrency: 2 }) }));
      assert.equal(put.statusCode, 200);
      assert.equal(put.body.reservedConcurrency, 2);
      const got = await fcClient().getConcurrencyConfig('conformance-capped');
      assert.equal(got.body.reservedConcurrency, 2);
      assert.match(got.body.functionArn, /^acs:fc:[a-z0-9-]+:\d+:functions\/conformance-capped$/);
      await expectError(
        fcClient().putConcurrencyConfig('no-such-function', new Fc.PutConcurrencyConfigRequest({ body: new Fc.PutConcurrencyInput({ reservedConcurrency: 1 }) })),
        'FunctionNotFound',
        404);
    } finally {
      await host.close();
    }
  });

  await check('fc.InvokeFunction Async under reservedConcurrency 1: one runs at a time, the others wait and succeed without a retry', async () => {
    const host = await functionHost(0, 150);
    try {
      await registerFunction('conformance-one-at-a-time', host.endpoint, 2);
      await fcClient().putConcurrencyConfig('conformance-one-at-a-time', new Fc.PutConcurrencyConfigRequest({ body: new Fc.PutConcurrencyInput({ reservedConcurrency: 1 }) }));
      const answers = [];
      for (let index = 0; index < 3; index++) {
        answers.push(await invoke(fcClient(), 'conformance-one-at-a-time', 'Async', JSON.stringify({ index })));
      }
      assert.deepEqual(answers.map((a) => a.statusCode), [202, 202, 202]);
      const done = [];
      for (const answer of answers) {
        done.push(await invocation(answer.headers['x-fc-request-id']));
      }
      assert.deepEqual(done.map((d) => [d.status, d.attempts]), [['Succeeded', 1], ['Succeeded', 1], ['Succeeded', 1]]);
      assert.equal(host.stats.maxRunning, 1);
      assert.deepEqual(host.received.map((r) => JSON.parse(r.body).index), [0, 1, 2]);
    } finally {
      await host.close();
    }
  });

  await check('fc.InvokeFunction of an unknown function is FunctionNotFound (404)', async () => {
    await expectError(invoke(fcClient(), 'no-such-function', 'Async', '{}'), 'FunctionNotFound', 404);
  });

  await check('fc.InvokeFunction with a wrong secret is SignatureDoesNotMatch and invokes nothing', async () => {
    const host = await functionHost();
    try {
      await registerFunction('conformance-signed', host.endpoint, 0);
      await expectError(invoke(fcClient('wrong-secret'), 'conformance-signed', 'Async', '{}'), 'SignatureDoesNotMatch', 400);
      await sleep(300);
      assert.equal(host.received.length, 0);
    } finally {
      await host.close();
    }
  });
}

// ---- STS 2015-04-01 through @alicloud/sts20150401, then VPC with the temporary credentials ----

const memberAccount = '2234567890123456';
const memberRole = `acs:ram::${memberAccount}:role/AcrReachRole`;

function stsClient() {
  return new Sts.default(new $OpenApiUtil.Config({ accessKeyId, accessKeySecret, endpoint: host, protocol: 'http', regionId: 'cn-hangzhou' }));
}

async function assumeMember() {
  const body = (await stsClient().assumeRole(new Sts.AssumeRoleRequest({ roleArn: memberRole, roleSessionName: 'acr-reach', durationSeconds: 900 }))).body;
  return body.credentials;
}

async function stsCases() {
  await check('sts.AssumeRole answers temporary credentials with a security token and an expiry', async () => {
    const started = Date.now();
    const body = (await stsClient().assumeRole(new Sts.AssumeRoleRequest({ roleArn: memberRole, roleSessionName: 'acr-reach', durationSeconds: 900 }))).body;
    assert.ok(body.requestId);
    assert.match(body.credentials.accessKeyId, /^STS\./);
    assert.ok(body.credentials.accessKeySecret);
    assert.ok(body.credentials.securityToken);
    assert.match(body.credentials.expiration, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const lifetime = Date.parse(body.credentials.expiration) - started;
    assert.ok(lifetime > 890000 && lifetime < 910000, `expires in ${lifetime} ms, not 900 s`);
    assert.equal(body.assumedRoleUser.arn, `${memberRole}/acr-reach`);
  });

  await check('sts.AssumeRole of a role that does not exist is EntityNotExist.Role (404)', async () => {
    await expectError(
      stsClient().assumeRole(new Sts.AssumeRoleRequest({ roleArn: `acs:ram::${memberAccount}:role/NoSuchRole`, roleSessionName: 'acr-reach' })),
      'EntityNotExist.Role',
      404);
  });

  await check('vpc with STS credentials (ACS3, x-acs-security-token) lists only the member account\'s VPCs', async () => {
    const credentials = await assumeMember();
    const member = vpcClient(credentials.accessKeySecret, { accessKeyId: credentials.accessKeyId, securityToken: credentials.securityToken });
    const body = (await member.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-shanghai' }))).body;
    assert.deepEqual(body.vpcs.vpc.map((v) => v.vpcId), ['vpc-sh-member']);
    assert.equal(String(body.vpcs.vpc[0].ownerId), memberAccount);
  });

  await check('vpc with STS credentials writes the member\'s route table and is refused the network account\'s (Forbidden.NoPermission 403)', async () => {
    const credentials = await assumeMember();
    const member = vpcClient(credentials.accessKeySecret, { accessKeyId: credentials.accessKeyId, securityToken: credentials.securityToken });
    await expectError(
      member.createRouteEntry(new Vpc.CreateRouteEntryRequest({ regionId: 'cn-shanghai', routeTableId: 'vtb-sh2', destinationCidrBlock: '100.103.7.1/32', nextHopType: 'Attachment', nextHopId: 'tr-attach-sh2' })),
      'Forbidden.NoPermission',
      403);
    const created = (await member.createRouteEntry(new Vpc.CreateRouteEntryRequest({ regionId: 'cn-shanghai', routeTableId: 'vtb-sh-member', destinationCidrBlock: '100.103.7.2/32', nextHopType: 'Instance', nextHopId: 'i-member1' }))).body;
    assert.ok(created.routeEntryId);
    const writes = (await control('GET', 'writes')).json.filter((w) => w.target === 'vtb-sh-member');
    assert.deepEqual(writes.map((w) => [w.action, w.accountId, w.roleArn]), [['CreateRouteEntry', memberAccount, memberRole]]);
  });

  await check('openapi-client v2 (RPC, SecurityToken parameter) with STS credentials lists the member\'s route tables', async () => {
    const credentials = await assumeMember();
    const client = new OpenApi.default(new OpenApi.Config({
      accessKeyId: credentials.accessKeyId, accessKeySecret: credentials.accessKeySecret, securityToken: credentials.securityToken,
      endpoint: host, protocol: 'http', signatureAlgorithm: 'v2',
    }));
    const body = await call(client, '2016-04-28', 'DescribeRouteTableList', { RegionId: 'cn-shanghai' });
    assert.deepEqual(body.RouterTableList.RouterTableListType.map((t) => t.RouteTableId), ['vtb-sh-member']);
  });
}

async function main() {
  // MNS first: @alicloud/mns reads answers with httpx, whose keep-alive pool the tea/darabonba clients share; on a socket
  // they used before, httpx now and then finds its read timer gone and fails a good answer with "ReadTimeout: 40000".
  await mnsCases();
  await vpcCases();
  await cbnCases();
  await crCases();
  await pvtzCases();
  await popCoreCases();
  await fcCases();
  await stsCases();
  if (listing) {
    return;
  }
  emit({ summary: counts });
  process.exitCode = counts.failed === 0 ? 0 : 1;
}

main().catch((e) => {
  emit({ case: 'conformance harness', ok: false, error: String((e && e.stack) || e) });
  process.exitCode = 2;
});
