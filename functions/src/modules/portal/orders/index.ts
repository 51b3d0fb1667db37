// The orders part's face, for the portal's other parts and (through the module face) the root:
// an order's counts from its leads, the criteria as contact conditions, the match preview.
export { orderCounts, targetCounts } from './counts';
export { criteriaSql, matchPreview, unmatchedCsv, UNMATCHED_SAMPLE } from './match';
export { createOrder, getOrder, listOrders, transitionOrder, transitionOrderBySystem } from './service';
export { ordersRoutes } from './routes';
