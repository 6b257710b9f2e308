package io.clientele.clients;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A lead as submitted by a form, an API call, the website's intake or an import, before
 * it is checked. It needs a name, and a phone or an e-mail to get back to.
 *
 * @param responsibleId who works it; null leaves a new lead in the department's queue (or
 * gives it to the next manager in turn, where the department shares leads out)
 * @param departmentId whose queue it waits in; null means the department of the user
 * creating it
 */
public record LeadDraft(@Nullable String name, @Nullable String company, @Nullable String phone, @Nullable String email,
		@Nullable String message, LeadSource source, @Nullable String channel, @Nullable Long responsibleId,
		@Nullable Long departmentId, Map<String, ?> custom) {

	public LeadDraft {
		custom = custom == null ? Map.of() : custom;
	}

}
