package io.clientele.clients.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Joins pairs of likely duplicates into groups, strongest pairs first: two records are in
 * one group when a chain of pairs links them, but a pair that would make a group larger
 * than {@code maxSize} is left out. Without the limit, similar names chain half a base
 * into one "group" (Ivanov ~ Ivanova ~ Ivashov…); with it, the strong pairs (INN, e-mail)
 * form their groups before the weak ones can. Kept in arrays: a large base has millions
 * of pairs.
 */
final class DuplicateClusters {

	private final int maxSize;

	private final List<String> reasonNames = new ArrayList<>();

	private long[] slotKeys = new long[1 << 10];

	private int[] slotValues = new int[1 << 10];

	private int used;

	private long[] ids = new long[64];

	private int[] parent = new int[64];

	private int[] size = new int[64];

	private float[] score = new float[64];

	private int[] reasons = new int[64];

	/**
	 * @param maxSize the most records a group may hold
	 */
	DuplicateClusters(int maxSize) {
		this.maxSize = maxSize;
		Arrays.fill(slotValues, -1);
	}

	/**
	 * Adds a pair; pairs must come strongest first.
	 * @return whether the two records are now in one group
	 */
	boolean add(long a, long b, float pairScore, List<String> pairReasons) {
		int rootA = find(index(a));
		int rootB = find(index(b));
		if (rootA != rootB) {
			if (size[rootA] + size[rootB] > maxSize) {
				return false;
			}
			if (size[rootA] < size[rootB]) {
				int swap = rootA;
				rootA = rootB;
				rootB = swap;
			}
			parent[rootB] = rootA;
			size[rootA] += size[rootB];
			score[rootA] = Math.max(score[rootA], score[rootB]);
			reasons[rootA] |= reasons[rootB];
		}
		score[rootA] = Math.max(score[rootA], pairScore);
		for (String reason : pairReasons) {
			int bit = reasonNames.indexOf(reason);
			if (bit < 0) {
				bit = reasonNames.size();
				reasonNames.add(reason);
			}
			reasons[rootA] |= 1 << bit;
		}
		return true;
	}

	/**
	 * The groups, each with its members in id order and its reasons in alphabetical
	 * order; the group's id is its first member.
	 */
	List<Group> groups() {
		int count = used;
		int[] rootOf = new int[count];
		int[] members = new int[count];
		for (int i = 0; i < count; i++) {
			rootOf[i] = find(i);
			members[rootOf[i]]++;
		}
		long[][] byRoot = new long[count][];
		int[] filled = new int[count];
		for (int i = 0; i < count; i++) {
			int root = rootOf[i];
			if (members[root] > 1) {
				if (byRoot[root] == null) {
					byRoot[root] = new long[members[root]];
				}
				byRoot[root][filled[root]++] = ids[i];
			}
		}
		List<Group> groups = new ArrayList<>();
		for (int root = 0; root < count; root++) {
			if (byRoot[root] != null) {
				long[] sorted = byRoot[root];
				Arrays.sort(sorted);
				List<String> names = new ArrayList<>();
				for (int bit = 0; bit < reasonNames.size(); bit++) {
					if ((reasons[root] & (1 << bit)) != 0) {
						names.add(reasonNames.get(bit));
					}
				}
				names.sort(null);
				groups.add(new Group(sorted[0], sorted, score[root], List.copyOf(names)));
			}
		}
		return groups;
	}

	record Group(long id, long[] members, float score, List<String> reasons) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Group group && group.id == id && Arrays.equals(group.members, members)
					&& group.score == score && group.reasons.equals(reasons);
		}

		@Override
		public int hashCode() {
			return Long.hashCode(id);
		}

		@Override
		public String toString() {
			return "Group" + Arrays.toString(members) + " " + score + " " + reasons;
		}

	}

	/** The dense index of a record id (open addressing on the id). */
	private int index(long id) {
		int mask = slotKeys.length - 1;
		int slot = Long.hashCode(id * 0x9E3779B97F4A7C15L) & mask;
		while (slotValues[slot] >= 0) {
			if (slotKeys[slot] == id) {
				return slotValues[slot];
			}
			slot = (slot + 1) & mask;
		}
		int index = used++;
		if (index == ids.length) {
			int length = index * 2;
			ids = Arrays.copyOf(ids, length);
			parent = Arrays.copyOf(parent, length);
			size = Arrays.copyOf(size, length);
			score = Arrays.copyOf(score, length);
			reasons = Arrays.copyOf(reasons, length);
		}
		ids[index] = id;
		parent[index] = index;
		size[index] = 1;
		slotKeys[slot] = id;
		slotValues[slot] = index;
		if (used * 2 > slotKeys.length) {
			rehash();
		}
		return index;
	}

	private void rehash() {
		long[] keys = slotKeys;
		int[] values = slotValues;
		slotKeys = new long[keys.length * 2];
		slotValues = new int[keys.length * 2];
		Arrays.fill(slotValues, -1);
		int mask = slotKeys.length - 1;
		for (int i = 0; i < keys.length; i++) {
			if (values[i] >= 0) {
				int slot = Long.hashCode(keys[i] * 0x9E3779B97F4A7C15L) & mask;
				while (slotValues[slot] >= 0) {
					slot = (slot + 1) & mask;
				}
				slotKeys[slot] = keys[i];
				slotValues[slot] = values[i];
			}
		}
	}

	private int find(int slot) {
		int root = slot;
		while (parent[root] != root) {
			root = parent[root];
		}
		while (parent[slot] != root) {
			int next = parent[slot];
			parent[slot] = root;
			slot = next;
		}
		return root;
	}

}
