export {
  createNodeTransport,
  type NodeTransport,
  type NodeTransportOptions,
} from './node/node-transport.js';
