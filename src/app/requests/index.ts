export { requestGrant, requestRevoke } from './request-change';
export { decide } from './decide';
export { cancel, refresh, pending } from './request-status';
export { history, owners, addOwner, removeOwner } from './owners';
export { setApprovalsChannel, APPROVALS_CHANNEL_KEY } from './approvals-channel';
export { createExecutor, DEFAULT_EXECUTION, type ExecutorOptions, type RequestExecutor } from './executor';
export { expirePending } from './expire';
export { revokeEndedGrants } from './revoke-ended';
export { startRequestSweeps, type RequestSweeps, type SweepOptions } from './sweeps';
