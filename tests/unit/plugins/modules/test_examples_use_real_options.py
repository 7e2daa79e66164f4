"""Every task of every module's EXAMPLES names only options (or their aliases) that the module it calls
accepts, down into the suboptions of dict options, so that an example cannot teach an option that fails."""
from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
import yaml

from ansible_collections.balena.cloud.plugins import modules as modules_package
from ansible_collections.balena.cloud.plugins.module_utils.base import AUTH_ARGUMENT_SPEC, BalenaModule

PREFIX = "balena.cloud."
# What a task may hold besides its action (keywords of a task, not options of the module).
TASK_KEYWORDS = {"name", "register", "when", "loop", "loop_control", "vars", "delegate_to", "run_once", "until", "retries",
                 "delay", "changed_when", "failed_when", "ignore_errors", "no_log", "check_mode", "diff", "tags",
                 "notify", "environment", "become", "module_defaults", "with_items", "listen", "throttle"}


def module_names():
    return sorted(name for _finder, name, _is_package in pkgutil.iter_modules(modules_package.__path__))


def argument_spec(name):
    """The options of module ``name``: the shared connection options and those of its module class."""
    module = importlib.import_module(modules_package.__name__ + "." + name)
    classes = [value for value in vars(module).values() if inspect.isclass(value) and issubclass(value, BalenaModule)
               and value.__module__ == module.__name__]
    assert len(classes) == 1, "module {0} defines {1} module classes".format(name, len(classes))
    return dict(AUTH_ARGUMENT_SPEC, **classes[0].argument_spec)


def tasks_of(tasks):
    for task in tasks or []:
        for section in ("block", "rescue", "always"):
            yield from tasks_of(task.get(section))
        yield task


def unknown_options(args, spec, where):
    """The keys of ``args`` that ``spec`` has neither as an option nor as an alias, as dotted paths."""
    names = {}
    for option, details in spec.items():
        names[option] = details
        for alias in details.get("aliases") or ():
            names[alias] = details
    found = []
    for key, value in (args or {}).items():
        if key not in names:
            found.append(where + key)
            continue
        suboptions = names[key].get("options")
        if suboptions and isinstance(value, dict):
            found.extend(unknown_options(value, suboptions, where + key + "."))
        elif suboptions and isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    found.extend(unknown_options(item, suboptions, where + key + "."))
    return found


@pytest.mark.parametrize("name", module_names())
def test_every_example_task_uses_options_its_module_has(name):
    module = importlib.import_module(modules_package.__name__ + "." + name)
    checked = 0
    for task in tasks_of(yaml.safe_load(module.EXAMPLES)):
        actions = [key for key in task if key.startswith(PREFIX)]
        assert len(actions) <= 1, task
        for action in actions:
            called = action[len(PREFIX):]
            assert called in module_names(), "example {0!r} of {1} calls unknown module {2}".format(task.get("name"), name, action)
            bad = unknown_options(task[action], argument_spec(called), "")
            assert not bad, "example {0!r} of {1} gives {2} options it does not have: {3}".format(
                task.get("name"), name, action, ", ".join(bad))
            checked += 1
        # Any other action is named by its fully qualified name (``ansible.builtin.debug``).
        others = set(key for key in task if "." not in key) - TASK_KEYWORDS - {"block", "rescue", "always"}
        assert not others, "example {0!r} of {1} has unknown task keys {2}".format(task.get("name"), name, sorted(others))
    assert checked, "module {0} has no example task".format(name)
