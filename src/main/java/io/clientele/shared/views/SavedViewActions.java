package io.clientele.shared.views;

import io.clientele.shared.security.ClienteleUserDetails;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.views.SavedView;
import io.clientele.shared.views.SavedViews;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What every record list does with saved views: opens one (its query in the URL), offers
 * the reader's and their department's views, saves the list's state as a view and deletes
 * one. The list is named by its key in {@code saved_views.list} and its path.
 */
@Component
public class SavedViewActions {

	private final SavedViews savedViews;

	SavedViewActions(SavedViews savedViews) {
		this.savedViews = savedViews;
	}

	/**
	 * The redirect that opens a saved view asked for alone ({@code ?view=7}), or null
	 * when the list is to be shown as its URL says.
	 */
	public @Nullable String open(String path, MultiValueMap<String, String> params, @Nullable Long view,
			ClienteleUserDetails user) {
		if (view == null || params.size() != 1) {
			return null;
		}
		return savedViews.find(view, user.id(), user.departmentId())
			.map(saved -> "redirect:" + path + "?" + saved.query() + "&view=" + view)
			.orElse(null);
	}

	/** The views the reader may pick and the one shown, for the list page. */
	public void addTo(Model model, String list, @Nullable Long view, ClienteleUserDetails user) {
		model.addAttribute("views", savedViews.visibleTo(list, user.id(), user.departmentId()));
		model.addAttribute("activeView",
				view == null ? null : savedViews.find(view, user.id(), user.departmentId()).orElse(null));
	}

	/** The name of a saved view of this list that the user may open, or null. */
	public @Nullable String title(String list, @Nullable Long view, ClienteleUserDetails user) {
		return view == null ? null
				: savedViews.find(view, user.id(), user.departmentId())
					.filter(saved -> saved.list().equals(list))
					.map(SavedView::name)
					.orElse(null);
	}

	public String save(String list, String path, String name, String query, boolean shared, ClienteleUserDetails user,
			RedirectAttributes redirect) {
		try {
			long id = savedViews.save(list, name, query, user.id(), shared ? user.departmentId() : null);
			redirect.addFlashAttribute("notice", "view.saved");
			return "redirect:" + path + "?view=" + id;
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
			return "redirect:" + path + "?" + query;
		}
	}

	public String delete(String path, long id, ClienteleUserDetails user, RedirectAttributes redirect) {
		savedViews.delete(id, user.id());
		redirect.addFlashAttribute("notice", "view.deleted");
		return "redirect:" + path;
	}

}
