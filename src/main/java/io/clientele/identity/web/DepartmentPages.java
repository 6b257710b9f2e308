package io.clientele.identity.web;

import io.clientele.identity.internal.Department;
import io.clientele.identity.internal.DepartmentTree;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.web.Forms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * The department tree for administrators.
 */
@Controller
@RequestMapping("/admin/departments")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class DepartmentPages {

	private final DepartmentTree tree;

	DepartmentPages(DepartmentTree tree) {
		this.tree = tree;
	}

	record NewDepartmentForm(@NotBlank @Size(max = 200) String name, @NotNull Long parentId) {
	}

	record DepartmentForm(@NotBlank @Size(max = 200) String name, @Nullable Long parentId, long version) {
	}

	@GetMapping
	String list(Model model) {
		if (!model.containsAttribute("form")) {
			Long rootId = tree.nodes()
				.stream()
				.filter(DepartmentTree.Node::root)
				.findFirst()
				.map(DepartmentTree.Node::id)
				.orElse(null);
			model.addAttribute("form", new NewDepartmentForm("", rootId));
		}
		model.addAttribute("nodes", tree.nodes());
		return "identity/departments";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") NewDepartmentForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				tree.create(form.name(), form.parentId());
				redirect.addFlashAttribute("notice", "department.created");
				return "redirect:/admin/departments";
			}
			catch (RuleViolation violation) {
				Forms.reject(errors, violation);
			}
		}
		model.addAttribute("nodes", tree.nodes());
		return "identity/departments";
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		Department department = tree.department(id);
		model.addAttribute("form", new DepartmentForm(department.name(), department.parentId(), department.version()));
		return editPage(id, model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") DepartmentForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				tree.update(id, form.name(), form.parentId(), form.version());
				redirect.addFlashAttribute("notice", "department.saved");
				return "redirect:/admin/departments";
			}
			catch (RuleViolation violation) {
				Forms.reject(errors, violation);
			}
			catch (ConcurrentEdit edit) {
				Forms.reject(errors, edit);
			}
		}
		return editPage(id, model);
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		try {
			tree.delete(id, version);
			redirect.addFlashAttribute("notice", "department.deleted");
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
		}
		catch (ConcurrentEdit edit) {
			redirect.addFlashAttribute("failure", "problem.concurrent-edit");
		}
		return "redirect:/admin/departments";
	}

	private String editPage(long id, Model model) {
		Department department = tree.department(id);
		var below = tree.subtreeIds(id);
		model.addAttribute("department", department);
		model.addAttribute("parents", tree.nodes().stream().filter(node -> !below.contains(node.id())).toList());
		return "identity/department";
	}

}
