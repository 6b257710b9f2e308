package io.clientele.identity.web;

import java.util.Arrays;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.internal.DepartmentTree;
import io.clientele.identity.internal.User;
import io.clientele.identity.internal.UserAccounts;
import io.clientele.identity.internal.UserList;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.web.Forms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * User administration: list, create, edit, deactivate, reset password.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class UserPages {

	private final UserAccounts accounts;

	private final UserList list;

	private final DepartmentTree departments;

	UserPages(UserAccounts accounts, UserList list, DepartmentTree departments) {
		this.accounts = accounts;
		this.list = list;
		this.departments = departments;
	}

	record UserForm(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String fullName,
			@Email @Size(max = 254) @Nullable String email, @NotNull Role role, @NotNull Long departmentId,
			long version) {
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long department,
			@RequestParam(required = false) @Nullable Role role,
			@RequestParam(defaultValue = "ACTIVE") UserList.Status status,
			@RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "asc") String dir,
			@RequestParam(defaultValue = "1") int page, Model model) {
		var filter = new UserList.Filter(q, department, role, status, sort, "desc".equals(dir), page);
		model.addAttribute("filter", filter);
		model.addAttribute("result", list.find(filter));
		model.addAttribute("departments", departments.nodes());
		model.addAttribute("roles", Role.values());
		model.addAttribute("statuses", UserList.Status.values());
		return "identity/users";
	}

	@GetMapping("/new")
	String newUser(@RequestParam(required = false) @Nullable Long department, Model model) {
		model.addAttribute("form", new UserForm("", "", null, Role.SALES_MANAGER, department, 0));
		return formPage(model, null);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") UserForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				var created = accounts.create(new UserAccounts.NewUser(form.username(), form.fullName(), form.email(),
						form.role(), form.departmentId()));
				redirect.addFlashAttribute("temporaryPassword", created.temporaryPassword());
				redirect.addFlashAttribute("notice", "user.created.notice");
				return "redirect:/admin/users/" + created.id();
			}
			catch (RuleViolation violation) {
				Forms.reject(errors, violation);
			}
		}
		return formPage(model, null);
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		User user = accounts.user(id);
		model.addAttribute("form", new UserForm(user.username(), user.fullName(), user.email(), user.role(),
				user.departmentId(), user.version()));
		return formPage(model, user);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				accounts.edit(id, new UserAccounts.UserChange(form.fullName(), form.email(), form.role(),
						form.departmentId(), form.version()), me.id());
				redirect.addFlashAttribute("notice", "user.saved");
				return "redirect:/admin/users/" + id;
			}
			catch (RuleViolation violation) {
				Forms.reject(errors, violation);
			}
			catch (ConcurrentEdit edit) {
				Forms.reject(errors, edit);
			}
		}
		return formPage(model, accounts.user(id));
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser me,
			RedirectAttributes redirect) {
		return act(id, redirect, "user.deactivated", () -> accounts.deactivate(id, version, me.id()));
	}

	@PostMapping("/{id}/reactivate")
	String reactivate(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		return act(id, redirect, "user.reactivated", () -> accounts.reactivate(id, version));
	}

	@PostMapping("/{id}/reset-password")
	String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("temporaryPassword", accounts.resetPassword(id));
		redirect.addFlashAttribute("notice", "user.password-reset");
		return "redirect:/admin/users/" + id;
	}

	private String act(long id, RedirectAttributes redirect, String notice, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
		}
		catch (ConcurrentEdit edit) {
			redirect.addFlashAttribute("failure", "problem.concurrent-edit");
		}
		return "redirect:/admin/users/" + id;
	}

	private String formPage(Model model, @Nullable User user) {
		model.addAttribute("user", user);
		model.addAttribute("departments", departments.nodes());
		model.addAttribute("roles", Arrays.asList(Role.values()));
		return "identity/user";
	}

}
