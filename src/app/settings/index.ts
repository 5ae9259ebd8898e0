export { mailboxSettings } from './mailbox-settings';
export { requestAddressLists, requestAutomap, requestAutoReply, requestBlockSignIn, requestForwarding, requestSentItems } from './request-settings';
export { requestConvert, requestCreateMailbox } from './request-mailbox';
