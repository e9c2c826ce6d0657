export { createSampleData, SAMPLE_CREDENTIALS } from './sample-data.js';
export { startWhmcsSimulator } from './simulator.js';
export { statusKey } from './status-key.js';
export type {
  BanOptions,
  LivelinessOptions,
  RecordedRequest,
  SimulatorAdmin,
  SimulatorApiCredential,
  SimulatorData,
  SimulatorDepartment,
  SimulatorFault,
  SimulatorStatus,
  SimulatorTicket,
  WhmcsSimulator,
  WhmcsSimulatorOptions,
} from './types.js';
export { InvalidSimulatorOptionError } from './validate-options.js';
