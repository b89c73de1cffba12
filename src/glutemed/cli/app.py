"""glutemed's command line: the app, its root options, its commands, and one error handler.

Each command lives in ``glutemed/commands/<name>.py`` with its options and
body; this module only registers them. :class:`GlutemedGroup` is the one place
errors become output: a :class:`~glutemed.errors.GlutemedError` or a usage
error from parsing is one line on stderr (``glutemed: error: ...``) and exit
code 1, or 2 for usage. ``--catalogue`` is a root option that every command
also takes after its name.
"""

import contextlib
import copy
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from typer._click import Context
from typer._click import exceptions as click_errors
from typer.core import TyperCommand, TyperGroup

from glutemed import version_text
from glutemed.cli import completion, startup, streams
from glutemed.cli.commands import (
    check,
    config,
    delete,
    edit,
    go,
    history,
    listing,
    log,
    plan,
    profiles,
    programme,
    progress,
    publish,
    runs,
    show,
    today,
    undo,
)
from glutemed.core import rules
from glutemed.core.text import quoted
from glutemed.errors import ExitCode, FieldError, GlutemedError, UsageError

startup.skip_plugin_scan()

SHELLS: tuple[str, ...] = ("bash", "zsh", "fish")
#: Root options that every command takes after its name too.
SHARED: tuple[str, ...] = ("catalogue",)


class GlutemedGroup(TyperGroup):
    """The app's click group: shared options, and the one error handler."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        for param in self.params:
            if param.name in SHARED:
                for command in self.commands.values():
                    twin = copy.copy(param)
                    twin.expose_value = False
                    command.params.append(twin)

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except FieldError as err:
            command = self.commands.get(ctx.invoked_subcommand or "")
            raise UsageError(err.message(_flag_namer(command))) from None
        except GlutemedError as err:
            if err.template is not None:  # name the settings as this command's flags
                named = _flag_namer(self.commands.get(ctx.invoked_subcommand or ""))
                err.args = (err.message(lambda field: _as_flag(field, named)),)
            raise
        except click_errors.UsageError as err:
            if isinstance(err, click_errors.NoArgsIsHelpError):
                raise
            command = self.commands.get(ctx.invoked_subcommand or "")
            raise UsageError(usage_message(err, command)) from None

    def _main_shell_completion(
        self, ctx_args: Any, prog_name: str, complete_var: Any = None
    ) -> None:
        var = complete_var or f"_{prog_name}_COMPLETE".replace("-", "_").upper()
        if os.environ.get(var):
            from typer._completion_classes import completion_init

            completion_init()
            with startup.words_as_typed():
                super()._main_shell_completion(ctx_args, prog_name, complete_var)
            return
        super()._main_shell_completion(ctx_args, prog_name, complete_var)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(
                args, prog_name, complete_var, standalone_mode, windows_expand_args, **extra
            )
        streams.guard_streams()
        streams.SAVED.clear()
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
            sys.stdout.flush()  # output still buffered fails here, not at exit
        except click_errors.NoArgsIsHelpError as err:
            err.show()
            sys.exit(err.exit_code)
        except GlutemedError as err:
            _fail(str(err), err.exit_code)
        except click_errors.UsageError as err:
            _fail(usage_message(err, self), ExitCode.USAGE)
        except click_errors.ClickException as err:
            _fail(err.format_message(), err.exit_code)
        except typer.Abort:
            _fail("stopped before finishing; nothing more was done", ExitCode.FAILURE)
        except streams.OUTPUT_ERRORS as err:  # stdout closed, full or gone
            problem = streams.output_problem(err)
            if problem is None:
                raise
            streams.silence_stdout()
            if streams.SAVED:
                streams.note(f"{streams.SAVED[-1]} is saved, but not shown: {problem}")
                sys.exit(ExitCode.OK)
            _fail(f"cannot write the output: {problem}", ExitCode.FAILURE)
        sys.exit(code if isinstance(code, int) else 0)


class GlutemedCommand(TyperCommand):
    """A command whose help names its argument as the README does: ``MOVE``, not
    typer's ``{MOVE}`` in the usage line or ``MOVE <str>`` in the list."""

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        return [piece.strip("{}") for piece in super().collect_usage_pieces(ctx)]

    def format_help(self, ctx: Context, formatter: Any) -> None:
        super().format_help(ctx, formatter)
        formatter.buffer[:] = [part.replace(" <str>", "      ") for part in formatter.buffer]


def _fail(message: str, code: int) -> None:
    streams.fail(message)
    sys.exit(code)


def _flag(param: Any) -> str:
    """How a parameter is named to the user: its long flag, or an argument's metavar."""
    if param.param_type_name == "argument":
        return str(param.metavar or param.name.upper()).strip("[]")
    longs = [opt for opt in param.opts if opt.startswith("--")]
    return str(max(longs or param.opts, key=len))


def _flag_namer(command: Any) -> Callable[[str], str]:
    """Field name -> the flag that sets it on this command (the field's name if none)."""
    params = list(getattr(command, "params", []))

    def name(field: str) -> str:
        for param in params:
            if param.name == field or f"--{field.replace('_', '-')}" in param.opts:
                return _flag(param)
        return field

    return name


def _as_flag(field: str, named: Callable[[str], str]) -> str:
    """A setting as a flag: this command's, else the flag other commands give it."""
    flag = named(field)
    return flag if flag != field else f"--{field.replace('_', '-')}"


def _takes(param: Any) -> str:
    """A parameter's help as the end of a sentence: no default, no full stop."""
    text = str(getattr(param, "help", None) or "").split(" [default")[0].rstrip(". ")
    return text[:1].lower() + text[1:]


def usage_message(err: click_errors.UsageError, command: Any = None) -> str:
    """A parsing error as glutemed says it: what the option takes, never the parser's words.

    ``command`` is the command being parsed, for errors that come without a context.
    """
    ctx = err.ctx
    where = f"'{ctx.command_path}'" if ctx is not None else "glutemed"
    hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
    if isinstance(err, click_errors.MissingParameter) and err.param is not None:
        return f"{where} needs {_flag(err.param)}: {_takes(err.param)}{hint}"
    if isinstance(err, click_errors.BadParameter) and err.param is not None:
        message = err.message.removeprefix("Value error, ")  # what pydantic puts before ours
        return f"{_flag(err.param)} {message}"
    if isinstance(err, click_errors.NoSuchOption):
        close = sorted(err.possibilities or ())
        maybe = f"; did you mean {' or '.join(close)}?" if close else ""
        return f"{where} has no option {err.option_name}{maybe}{hint}"
    if isinstance(err, click_errors.BadOptionUsage):
        params = getattr(ctx.command if ctx is not None else command, "params", [])
        takes = [_takes(p) for p in params if err.option_name in p.opts]
        return f"{err.option_name} needs a value" + (f": {takes[0]}" if takes else hint)
    extra = re.match(r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)", err.message)
    if extra:
        return f"{where} takes no more arguments; got {extra.group(1)!r}{hint}"
    unknown = re.match(r"No such command '(.*?)'\.(?: Did you mean (.*)\?)?", err.message)
    if unknown:
        maybe = f"; did you mean {unknown.group(2)}?" if unknown.group(2) else ""
        return f"no command {unknown.group(1)!r}{maybe} (see 'glutemed --help')"
    if err.message.startswith("Missing command"):
        return "give a command (see 'glutemed --help')"
    return err.message.rstrip(".")


app = typer.Typer(
    name="glutemed",
    cls=GlutemedGroup,
    help=(
        "Gluteus medius workout planner for runners: five standing moves, weekly "
        "sessions, and sheets to print or put in a calendar. Training information, "
        "not a diagnosis."
    ),
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _remember_catalogue(ctx: typer.Context, param: Any, value: Path | None) -> Path | None:
    if value is not None:
        ctx.meta[completion.CATALOGUE_KEY] = value
    return value


def _remember_profile(value: str | None) -> str | None:
    """The runner this run is for: every file of theirs is found through it."""
    from glutemed.storage import paths

    paths.PROFILE = value
    return value


def _version(value: bool) -> None:
    if value:
        print(version_text())
        raise typer.Exit()


def _show_completion(ctx: typer.Context, value: str | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    from typer._completion_shared import get_completion_script

    print(
        get_completion_script(prog_name="glutemed", complete_var="_GLUTEMED_COMPLETE", shell=value)
    )
    raise typer.Exit()


def _install_completion(ctx: typer.Context, value: str | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    from typer._completion_shared import install

    shell, path = install(shell=value, prog_name="glutemed", complete_var="_GLUTEMED_COMPLETE")
    print(f"{shell} completion installed in {path}; it works in shells you open from now on")
    raise typer.Exit()


def _shell(text: str) -> str:
    if text.strip().lower() not in SHELLS:
        raise ValueError(f"takes bash, zsh or fish; {quoted(text)} is not a shell glutemed knows")
    return text.strip().lower()


def _complete_shell(incomplete: str) -> list[str]:
    return [shell for shell in SHELLS if shell.startswith(incomplete)]


def _completion_option(name: str, callback: Callable[..., None], does: str) -> Any:
    return typer.Option(
        name,
        parser=_shell,
        callback=callback,
        is_eager=True,
        expose_value=False,
        metavar="SHELL",
        autocompletion=_complete_shell,
        help=f"{does} for bash, zsh or fish.",
        show_default=False,
    )


@app.callback()
def _root(
    catalogue: Annotated[
        Path | None,
        typer.Option(
            "--catalogue",
            parser=rules.parse_path,
            callback=_remember_catalogue,
            metavar="PATH",
            help="Use this YAML catalogue instead of the built-in one.",
            show_default=False,
        ),
    ] = None,
    profile: Annotated[
        str | None,
        typer.Option(
            "--profile",
            parser=rules.parse_profile,
            callback=_remember_profile,
            is_eager=True,
            metavar="NAME",
            help="The runner this is for: their own config, log and programme.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    install_completion: Annotated[
        str | None,
        _completion_option("--install-completion", _install_completion, "Turn on TAB completion"),
    ] = None,
    show_completion: Annotated[
        str | None,
        _completion_option(
            "--show-completion", _show_completion, "Print the TAB completion script"
        ),
    ] = None,
) -> None:
    """Root options; each command's own options come after its name."""


app.command("list", cls=GlutemedCommand)(listing.list_)
app.command(cls=GlutemedCommand)(show.show)
app.command(cls=GlutemedCommand)(plan.plan)
app.command(cls=GlutemedCommand)(today.today)
app.command(cls=GlutemedCommand)(go.go)
app.command(cls=GlutemedCommand)(runs.runs)
app.command(cls=GlutemedCommand)(check.check)
app.command(cls=GlutemedCommand)(config.config)
app.command("log", cls=GlutemedCommand)(log.log)
app.command(cls=GlutemedCommand)(history.history)
app.command(cls=GlutemedCommand)(progress.progress)
app.command(cls=GlutemedCommand)(programme.programme)
app.command(cls=GlutemedCommand)(undo.undo)
app.command(cls=GlutemedCommand)(edit.edit)
app.command(cls=GlutemedCommand)(delete.delete)
app.command(cls=GlutemedCommand)(publish.publish)
app.command(cls=GlutemedCommand)(profiles.profiles)


def main() -> None:
    """Run the command line (``python -m glutemed`` and the console script).

    SIGTERM ends glutemed as Ctrl-C does, by unwinding: an open transaction is
    rolled back and an export's temp file removed, and the exit status is
    :attr:`~glutemed.errors.ExitCode.TERMINATED`.
    """
    import signal

    def terminated(number: int, frame: object) -> None:
        raise SystemExit(ExitCode.TERMINATED)

    with contextlib.suppress(ValueError):  # not the main thread: leave signals alone
        signal.signal(signal.SIGTERM, terminated)
    app()
