/**
 * Every failure the element shows. Messages are one sentence (what happened, what to do) and never
 * carry response bodies: the relay's own `error.message` is already safe by contract.
 */
export class TicketCountsError extends Error {
  override name = 'TicketCountsError';
}

export class InvalidPayloadError extends TicketCountsError {
  override name = 'InvalidPayloadError';
  constructor() {
    super('The relay sent something that is not ticket counts; check the src attribute.');
  }
}

export class InvalidSrcError extends TicketCountsError {
  override name = 'InvalidSrcError';
  constructor() {
    super("The src attribute is not a URL; set it to the relay's /ticket-counts URL.");
  }
}

/** The relay had no counts to give, only its own error message. */
export class RelayReportedError extends TicketCountsError {
  override name = 'RelayReportedError';
}

/** The relay answered, but not with 2xx and without a message of its own. */
export class RelayHttpError extends TicketCountsError {
  override name = 'RelayHttpError';
  constructor(readonly status: number) {
    super(
      `The ticket-counts relay answered HTTP ${status}; check the src attribute and the relay.`,
    );
  }
}

/** fetch rejected: wrong URL, relay down, or CORS refused (the browser does not say which). */
export class RelayUnreachableError extends TicketCountsError {
  override name = 'RelayUnreachableError';
  constructor() {
    super(
      'Could not reach the relay; check the src attribute, that the relay runs and that it allows this page.',
    );
  }
}

export class LiveConnectionLostError extends TicketCountsError {
  override name = 'LiveConnectionLostError';
  constructor() {
    super('The live connection to the relay was lost; reconnecting.');
  }
}
