package io.clientele.activities;

/**
 * Whose timeline: a client's or a deal's.
 */
public record TimelineSubject(Type type, long id) {

	public enum Type {

		CLIENT, DEAL

	}

	public static TimelineSubject client(long id) {
		return new TimelineSubject(Type.CLIENT, id);
	}

	public static TimelineSubject deal(long id) {
		return new TimelineSubject(Type.DEAL, id);
	}

	public boolean client() {
		return type == Type.CLIENT;
	}

}
