package io.clientele.processes.web;

import java.util.Map;

import io.clientele.clients.spi.ClientPanel;
import io.clientele.deals.spi.DealPanel;
import io.clientele.identity.CurrentUser;
import io.clientele.processes.Instructions;
import io.clientele.shared.web.PagePanel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Instructions on the client card and the deal card: the newest the reader may see about
 * the record, and a button that gives one linked to it.
 */
final class InstructionPanels {

	static final int SHOWN = 10;

	/** After the deal's process (20), before the timeline (90). */
	static final int ORDER = 30;

	private InstructionPanels() {
	}

	static PagePanel panel(Instructions instructions, boolean deal, long recordId, CurrentUser reader) {
		return new PagePanel("processes/panels", "instructions", ORDER,
				Map.of("rows", instructions.about(deal, recordId, SHOWN, reader), "giveHref",
						(deal ? "/instructions/new?dealId=" : "/instructions/new?clientId=") + recordId));
	}

	@Component
	static class OnClients implements ClientPanel {

		private final Instructions instructions;

		OnClients(Instructions instructions) {
			this.instructions = instructions;
		}

		@Override
		public @Nullable PagePanel section(long clientId, CurrentUser reader) {
			return panel(instructions, false, clientId, reader);
		}

	}

	@Component
	static class OnDeals implements DealPanel {

		private final Instructions instructions;

		OnDeals(Instructions instructions) {
			this.instructions = instructions;
		}

		@Override
		public @Nullable PagePanel section(long dealId, long clientId, CurrentUser reader) {
			return panel(instructions, true, dealId, reader);
		}

	}

}
