/**
 * Every failure the element shows. Messages are one sentence (what happened, what to do) and never
 * carry response bodies: the relay's own `error.message` is already safe by contract. Only the
 * errors that can reach page scripts (thrown by the `data` setter) set `name`; the others, and
 * this base class, never leave the element, and only their messages are shown, so their names
 * would be dead bytes.
 */
export class TicketCountsError extends Error {}

/** Thrown by the `data` setter and shown for broken inline JSON: no relay is involved there. */
export class InvalidPayloadError extends TicketCountsError {
  override name = 'InvalidPayloadError';
  constructor() {
    super(
      'These are not ticket counts; give allActive, awaitingReply and flaggedTickets as whole numbers or null.',
    );
  }
}

/** The relay's answer failed the same check: the src is the likely culprit. */
export class RelayInvalidPayloadError extends TicketCountsError {
  constructor() {
    super('The relay sent something that is not ticket counts; check the src attribute.');
  }
}

export class InvalidSrcError extends TicketCountsError {
  constructor() {
    super("The src attribute is not a URL; set it to the relay's /ticket-counts URL.");
  }
}

/** The relay had no counts to give, only its own error message. */
export class RelayReportedError extends TicketCountsError {}

/** The relay answered, but not with 2xx and without a message of its own. */
export class RelayHttpError extends TicketCountsError {
  constructor(status: number) {
    super(`The relay answered HTTP ${status}; check the src attribute and the relay.`);
  }
}

/** fetch rejected: wrong URL, relay down, or CORS refused (the browser does not say which). */
export class RelayUnreachableError extends TicketCountsError {
  constructor() {
    super(
      'Could not reach the relay; check the src attribute, that the relay runs and that it allows this page.',
    );
  }
}

/** The relay took the request but did not finish answering within the feed's time limit. */
export class RelayTimeoutError extends TicketCountsError {
  constructor() {
    super('The relay did not answer in time; check that it runs and that the network to it works.');
  }
}

export class LiveConnectionLostError extends TicketCountsError {
  constructor() {
    super('The live connection to the relay was lost; reconnecting.');
  }
}
